/**
 * The scoring feature's public surface: what other features (the checklist and its submit dialog)
 * may use. Everything else in this folder is private to it.
 */
export { QUESTION_PARAM, whenSettled } from './data/score-question-link';
export { JUST_SUBMITTED } from './data/score-store';
export { provideScoringI18n } from './i18n/scoring-i18n';
export { scoreRoutes } from './scoring.routes';
export { LiveScore } from './ui/live-score';
