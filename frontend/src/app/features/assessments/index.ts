/**
 * The assessments feature's public surface: what other features may use. Nothing yet: the
 * dependencies run the other way (the checklist hosts the evidence zone and the live score, and
 * mounts the score page, which hosts the reports panel), and the app shell loads
 * `assessments.routes.ts` lazily. What a later feature (review, benchmarks) needs of assessments is
 * exported here, never imported from inside this folder.
 */
export {};
