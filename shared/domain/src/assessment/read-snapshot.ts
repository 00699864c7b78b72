import type { AssessmentSnapshotContent } from '@beacon/contracts';

/**
 * A stored submission snapshot does not have the shape of `AssessmentSnapshotContent`. Permanent:
 * reading it again changes nothing (each reader turns it into its own permanent failure).
 */
export class SnapshotShapeError extends Error {
  override readonly name = 'SnapshotShapeError';
}

type Snapshot = AssessmentSnapshotContent;
type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const stringOr = (value: unknown, fallback: string): string => (isString(value) ? value : fallback);
const stringOrNull = (value: unknown): string | null => (isString(value) ? value : null);

/** A list field: absent in an older snapshot counts as empty; anything else than a list of objects is refused. */
function objects(content: Fields, field: string): Fields[] {
  const value = content[field];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new SnapshotShapeError(`The snapshot's ${field} is not a list.`);
  return value.map((item: unknown, index) => {
    if (!isObject(item)) throw new SnapshotShapeError(`The snapshot's ${field}[${index}] is not an object.`);
    return item;
  });
}

function documentRefs(content: Fields, field: 'frameworks' | 'mappingSets'): Snapshot['frameworks'] {
  return objects(content, field).map((ref, index) => {
    if (!isString(ref['slug']) || !isString(ref['version']) || !isString(ref['contentHash'])) {
      throw new SnapshotShapeError(`The snapshot's ${field}[${index}] has no slug, version and content hash.`);
    }
    return { slug: ref['slug'], version: ref['version'], contentHash: ref['contentHash'] };
  });
}

/**
 * Reads `assessment_snapshots.content` as `AssessmentSnapshotContent` — the one reader of a
 * submission, for scoring, reports and the next cycle. What scoring needs is required (framework
 * versions with their hashes, the profile, answers with a key and a value, well-formed requirement
 * statuses); lists that snapshots written before they existed lack (mapping sets, requirement
 * statuses, evidence, assignments) count as empty, and descriptive fields fall back to empty text.
 */
export function readSnapshot(content: unknown): AssessmentSnapshotContent {
  if (!isObject(content)) throw new SnapshotShapeError('The snapshot has no content.');
  const frameworks = documentRefs(content, 'frameworks');
  if (frameworks.length === 0) throw new SnapshotShapeError('The snapshot names no framework version.');
  const mappingSets = documentRefs(content, 'mappingSets');
  if (!isObject(content['profile'])) throw new SnapshotShapeError('The snapshot has no service profile.');
  const attestation = isObject(content['attestation']) ? content['attestation'] : {};
  return {
    assessmentId: stringOr(content['assessmentId'], ''),
    revision: typeof content['revision'] === 'number' ? content['revision'] : 1,
    title: stringOr(content['title'], ''),
    frameworks,
    mappingSets,
    profile: content['profile'] as unknown as Snapshot['profile'],
    answers: objects(content, 'answers').map((a, index) => {
      if (!isString(a['questionKey']) || !('value' in a)) throw new SnapshotShapeError(`The snapshot's answers[${index}] has no question key and value.`);
      return { questionKey: a['questionKey'], value: a['value'], note: stringOrNull(a['note']), version: typeof a['version'] === 'number' ? a['version'] : 0 };
    }),
    requirementStatuses: objects(content, 'requirementStatuses').map((s, index) => {
      const kind = s['kind'];
      if (!isString(s['requirementKey']) || (kind !== 'not-applicable' && kind !== 'alternative') || !isString(s['justification'])) {
        throw new SnapshotShapeError(`The snapshot's requirementStatuses[${index}] is not a requirement status.`);
      }
      return { requirementKey: s['requirementKey'], kind, justification: s['justification'] };
    }),
    evidence: objects(content, 'evidence').map((e, index) => {
      const kind = e['kind'];
      if (!isString(e['id']) || !isString(e['requirementKey']) || (kind !== 'file' && kind !== 'link')) {
        throw new SnapshotShapeError(`The snapshot's evidence[${index}] is not an evidence reference.`);
      }
      return { id: e['id'], requirementKey: e['requirementKey'], kind, name: stringOr(e['name'], ''), sha256: stringOrNull(e['sha256']), url: stringOrNull(e['url']) };
    }),
    assignments: objects(content, 'assignments').map((a, index) => {
      if (!isString(a['requirementKey']) || !isString(a['userId'])) throw new SnapshotShapeError(`The snapshot's assignments[${index}] has no requirement and user.`);
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
