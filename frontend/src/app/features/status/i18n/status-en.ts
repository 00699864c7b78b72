/** English texts of the status page: loaded with the page and registered under `status.`. */
export const statusEn = {
  title: 'System status',
  intro: 'Whether each part of Beacon is running. This page refreshes every {seconds} seconds.',
  loading: 'Checking…',
  refresh: 'Refresh now',
  loadFailed: 'The Beacon API could not be reached. The page keeps trying.',
  version: 'Version {version}',
  checkedAt: 'Last checked {time}',
  state: {
    up: 'Healthy',
    down: 'Unavailable',
    unknown: 'Unknown',
  },
  components: {
    api: { title: 'API', description: 'Answers the requests of the web application.' },
    database: { title: 'Database', description: 'Stores frameworks, assessments and results.' },
    redis: { title: 'Redis', description: 'Carries jobs between the API and the workers.' },
    worker: { title: 'Workers', description: 'Run background jobs such as scoring and reports.' },
  },
  workers: {
    title: 'Workers',
    caption: 'Workers that reported in recently',
    id: 'Worker ID',
    host: 'Host',
    queues: 'Queues',
    lastSeen: 'Last seen',
    state: 'State',
    empty: 'No worker has reported in.',
  },
  probe: {
    title: 'Pipeline check',
    description:
      'Sends a test job through Redis to every worker queue and measures how long the answers take.',
    run: 'Run pipeline check',
    running: 'Checking the pipeline…',
    roundTrip: 'Round trip: {ms} ms',
    answered: 'Queues that answered',
    answer: '{queue}: answered by {worker}',
    noAnswers: 'No queue answered.',
    timedOut: 'The check did not complete within {seconds} seconds.',
    failed: 'The check could not be run.',
  },
};
