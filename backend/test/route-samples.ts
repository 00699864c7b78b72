/** Valid bodies and queries for the routes of the OpenAPI document, shared by the route-walking tests (cross-tenant sweep, pool burst). */

export const SWEEP_PROFILE = {
  features: { userMedia: true, livestreaming: false, generativeAi: false, under18Accounts: true, messaging: true, endToEndEncryption: false, search: false, appStore: false, fileStorage: false, usReportingDuty: false, deviceMaker: false },
  sizeBand: 'small',
  jurisdictions: ['FR'],
  languages: ['fr'],
  sector: 'social-media',
};

/** A valid body for each route that takes one, so the sweep reaches the tenancy checks. */
export const SAMPLE_BODIES: Record<string, unknown> = {
  'post /api/v1/organizations/{id}/invitations': { email: 'intruder@example.test', role: 'viewer' },
  'put /api/v1/organizations/{id}/members/{userId}/role': { role: 'viewer' },
  'put /api/v1/assessments/{id}/profile': { profile: SWEEP_PROFILE },
  'put /api/v1/assessments/{id}/answers/{questionKey}': { value: 'yes', expectedVersion: 0 },
  'post /api/v1/assessments/{id}/evidence': { requirementKey: 'MSM-1' },
  'post /api/v1/assessments/{id}/evidence/links': { requirementKey: 'MSM-1', url: 'https://example.org/intruder', title: 'Intruder' },
  'put /api/v1/assessments/{id}/requirements/{requirementKey}/assignee': { userId: null },
  'post /api/v1/assessments/{id}/requirements/{requirementKey}/comments': { body: 'An intruder was here.' },
  'post /api/v1/assessments/{id}/submit': { attestation: { name: 'Mallory', title: 'Intruder', statement: 'I attest to nothing at all.' } },
  'post /api/v1/assessments/{id}/reports': { format: 'pdf', locale: 'en' },
  'put /api/v1/assessments/{id}/requirements/{requirementKey}/status': { kind: 'not-applicable', justification: 'An intruder says this does not apply.', expectedVersion: 0 },
};

/** A valid query string for each route that requires one, for the same reason. */
export const SAMPLE_QUERIES: Record<string, string> = {
  'delete /api/v1/assessments/{id}/requirements/{requirementKey}/status': '?expectedVersion=1',
};
