import type { AssessmentSnapshotContent } from '@beacon/contracts';

/** The submission cannot be reported as it stands: permanent, retrying changes nothing. */
export class ReportInputError extends Error {
  override readonly name = 'ReportInputError';
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const stringOr = (value: unknown, fallback: string): string => (isString(value) ? value : fallback);
const stringOrNull = (value: unknown): string | null => (isString(value) ? value : null);

function list(content: Record<string, unknown>, field: string): unknown[] {
  const value = content[field];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ReportInputError(`The snapshot's ${field} is not a list.`);
  return value;
}

function objects(content: Record<string, unknown>, field: string): Record<string, unknown>[] {
  return list(content, field).map((item, index) => {
    if (!isObject(item)) throw new ReportInputError(`The snapshot's ${field}[${index}] is not an object.`);
    return item;
  });
}

/**
 * Reads `assessment_snapshots.content` as `AssessmentSnapshotContent`. Snapshots written before
 * requirement statuses, evidence and assignments were frozen with the submission lack those lists:
 * they count as empty, so such a submission is still reported (without them).
 */
export function readReportSnapshot(content: unknown): AssessmentSnapshotContent {
  if (!isObject(content)) throw new ReportInputError('The snapshot has no content.');
  if (!isObject(content['profile'])) throw new ReportInputError('The snapshot has no service profile.');
  const frameworks = objects(content, 'frameworks').map((f, index) => {
    if (!isString(f['slug']) || !isString(f['version']) || !isString(f['contentHash'])) {
      throw new ReportInputError(`The snapshot's frameworks[${index}] has no slug, version and content hash.`);
    }
    return { slug: f['slug'], version: f['version'], contentHash: f['contentHash'] };
  });
  if (frameworks.length === 0) throw new ReportInputError('The snapshot names no framework version.');
  const attestation = isObject(content['attestation']) ? content['attestation'] : {};
  return {
    assessmentId: stringOr(content['assessmentId'], ''),
    revision: typeof content['revision'] === 'number' ? content['revision'] : 1,
    title: stringOr(content['title'], ''),
    frameworks,
    mappingSets: objects(content, 'mappingSets').map((m) => ({ slug: stringOr(m['slug'], ''), version: stringOr(m['version'], ''), contentHash: stringOr(m['contentHash'], '') })),
    profile: content['profile'] as unknown as AssessmentSnapshotContent['profile'],
    answers: objects(content, 'answers').map((a, index) => {
      if (!isString(a['questionKey'])) throw new ReportInputError(`The snapshot's answers[${index}] has no question key.`);
      return { questionKey: a['questionKey'], value: a['value'], note: stringOrNull(a['note']), version: typeof a['version'] === 'number' ? a['version'] : 0 };
    }),
    requirementStatuses: objects(content, 'requirementStatuses').map((s, index) => {
      if (!isString(s['requirementKey']) || (s['kind'] !== 'not-applicable' && s['kind'] !== 'alternative')) {
        throw new ReportInputError(`The snapshot's requirementStatuses[${index}] is not a requirement status.`);
      }
      return { requirementKey: s['requirementKey'], kind: s['kind'], justification: stringOr(s['justification'], '') };
    }),
    evidence: objects(content, 'evidence').map((e, index) => {
      if (!isString(e['id']) || !isString(e['requirementKey']) || (e['kind'] !== 'file' && e['kind'] !== 'link')) {
        throw new ReportInputError(`The snapshot's evidence[${index}] is not an evidence reference.`);
      }
      return { id: e['id'], requirementKey: e['requirementKey'], kind: e['kind'], name: stringOr(e['name'], ''), sha256: stringOrNull(e['sha256']), url: stringOrNull(e['url']) };
    }),
    assignments: objects(content, 'assignments').map((a, index) => {
      if (!isString(a['requirementKey']) || !isString(a['userId'])) throw new ReportInputError(`The snapshot's assignments[${index}] has no requirement and user.`);
      return { requirementKey: a['requirementKey'], userId: a['userId'], name: stringOr(a['name'], '') };
    }),
    attestation: {
      name: stringOr(attestation['name'], ''),
      title: stringOr(attestation['title'], ''),
      statement: stringOr(attestation['statement'], ''),
      userId: stringOr(attestation['userId'], ''),
      attestedAt: stringOr(attestation['attestedAt'], ''),
    },
  };
}
