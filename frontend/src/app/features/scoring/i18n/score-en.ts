import { type Widen } from '../../../core/i18n/translations';

/** English texts of the score page, the live preview and the methodology (registered under `score.`). */
export const scoreEn = {
  title: 'Score',
  heading: 'Score: {title}',
  back: 'Back to the checklist',
  loading: 'Loading the score…',
  loadFailed: 'The score could not be loaded.',
  retry: 'Try again',
  link: 'See the score',
  submission: 'Revision {revision}, content hash:',
  pending: {
    title: 'Scoring…',
    explain: 'Your submission is being scored. The result will appear here as soon as it is ready.',
    slow: 'Scoring is taking longer than usual. Check again in a moment.',
    checkAgain: 'Check again',
  },
  failed: {
    title: 'Scoring failed',
    reason: 'Reason: {reason}',
    noReason: 'No reason was recorded.',
  },
  draft: {
    title: 'Not submitted yet',
    explain: 'This assessment is still a draft. It is scored once it has been submitted.',
    link: 'Go to the checklist',
  },
  framework: {
    score: 'Score',
    outOf: 'out of 100',
    rating: 'Rating',
    noScore: 'No requirement counts towards this score yet.',
    capped:
      'Rating capped: a critical requirement is below its threshold, so the rating is held at the lowest band whatever the score.',
  },
  light: {
    green: 'Green',
    amber: 'Amber',
    red: 'Red',
    none: 'Not scored',
  },
  sections: {
    title: 'Sections',
    score: '{score} / 100',
  },
  critical: {
    title: 'Critical failures',
    none: 'No critical failure.',
    detail: 'Scores {score}% where at least {threshold}% is needed.',
  },
  gaps: {
    title: 'Gaps and recommendations',
    intro: 'Most important first: critical requirements, then the largest weighted shortfall.',
    none: 'No gap: every requirement that counts is fully met.',
    critical: 'Critical',
    score: 'Currently {score}%',
    questions: 'Questions to revisit:',
    coveredBy: 'Scored through {requirement} in {framework} (answered once).',
  },
  coverage: {
    title: 'Answered once',
    text: '{viaMapping} of {counted} requirements counted via answers given once in another framework ({percent}% of the weight).',
  },
  meta: {
    engine: 'Engine version {version}',
    computedAt: 'Computed on {date}',
  },
  methodology: {
    open: 'How is this calculated?',
    title: 'Scoring methodology',
    loading: 'Loading the methodology…',
    loadFailed: 'The methodology could not be loaded.',
    close: 'Close',
  },
  preview: {
    title: 'Score preview',
    badge: 'Preview',
    explain: 'Worked out in your browser from the answers so far. The official score is computed when you submit.',
    outOf: '{score} / 100',
    noScore: 'No score yet',
    criticalFailures: 'Critical failures: {count}',
    unavailable: 'The preview is not available for this assessment.',
  },
};

/** The shape of the score texts: exactly the keys of the English ones. */
export type ScoreDictionary = Widen<typeof scoreEn>;
