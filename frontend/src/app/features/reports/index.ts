/**
 * The reports feature's public surface: what other features (the score page) may use. Everything
 * else in this folder is private to it.
 */
export { provideReportsI18n } from './i18n/reports-i18n';
export { ReportsPanel } from './ui/reports-panel';
