/**
 * The evidence feature's public surface: what other features (the checklist) may use. Everything
 * else in this folder is private to it.
 */
export { EvidenceStore } from './data/evidence-store';
export { provideEvidenceI18n } from './i18n/evidence-i18n';
export { EvidenceZone } from './ui/evidence-zone';
