/**
 * The English dictionary. It is the reference: its shape defines `Translations`, so every other
 * dictionary must have exactly the same keys.
 */
export const en = {
  app: {
    name: 'Beacon',
    skipToContent: 'Skip to main content',
  },
  nav: {
    label: 'Main navigation',
    open: 'Open navigation',
    close: 'Close navigation',
    home: 'Home',
    status: 'System status',
    frameworks: 'Frameworks',
  },
  language: {
    label: 'Language',
    en: 'English (EN)',
    fr: 'Français (FR)',
  },
  home: {
    title: 'Welcome to Beacon',
    what: 'Beacon is a self-assessment tool for child-safety compliance on online platforms.',
    who: 'It is built for the trust-and-safety teams of online platforms, and for the regulators and NGOs who work with them.',
    how: 'Teams answer questions drawn from recognised child-safety frameworks, then see where their practices stand and what to improve next.',
    why: 'Results are kept, so progress can be shown and discussed over time.',
    statusLink: 'Check the system status',
  },
  status: {
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
  },
  errors: {
    network: 'The Beacon server cannot be reached. Check your connection and try again.',
    unexpected: 'Something went wrong (HTTP {status}).',
    reference: 'Reference: {id}',
    dismiss: 'Dismiss',
  },
};
