/** What other features' tests may use to fake the evidence endpoints (never imported by app code). */
export { evidenceUrl } from './data/evidence-api';
