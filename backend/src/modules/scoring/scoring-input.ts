import type { AssessmentSnapshotContent } from '@beacon/contracts';
import type { AnswerValue, FrameworkDefinition, MappingSetDefinition, RequirementStatus, ScoringInput, ServiceProfile } from '@beacon/domain';

/** A catalogue document (framework version or mapping set) with the hash it was imported with. */
export interface HashedDocument<D> {
  contentHash: string;
  document: D;
}

/** A catalogue reference as a snapshot records it. */
export interface DocumentRef {
  slug: string;
  version: string;
  contentHash: string;
}

/**
 * The submission cannot be scored as it stands (a framework version missing or changed since the
 * submission, a snapshot that does not have the expected shape). Permanent: retrying changes nothing.
 */
export class ScoringInputError extends Error {
  override readonly name = 'ScoringInputError';
}

/** The parts of a snapshot scoring reads, with what old snapshots lack filled in as empty. */
export type ScoredSnapshotContent = Pick<AssessmentSnapshotContent, 'frameworks' | 'mappingSets' | 'profile' | 'answers' | 'requirementStatuses'>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';

function refs(value: unknown, field: string): DocumentRef[] {
  if (!Array.isArray(value)) throw new ScoringInputError(`The snapshot's ${field} is not a list.`);
  return value.map((item, index) => {
    if (!isObject(item) || !isString(item['slug']) || !isString(item['version']) || !isString(item['contentHash'])) {
      throw new ScoringInputError(`The snapshot's ${field}[${index}] has no slug, version and content hash.`);
    }
    return { slug: item['slug'], version: item['version'], contentHash: item['contentHash'] };
  });
}

/**
 * Reads `assessment_snapshots.content` as `AssessmentSnapshotContent`. Snapshots written before
 * requirement statuses and mapping sets existed lack those lists: they count as empty.
 */
export function readSnapshotContent(content: unknown): ScoredSnapshotContent {
  if (!isObject(content)) throw new ScoringInputError('The snapshot has no content.');
  const frameworks = refs(content['frameworks'], 'frameworks');
  if (frameworks.length === 0) throw new ScoringInputError('The snapshot names no framework version.');
  const mappingSets = content['mappingSets'] === undefined ? [] : refs(content['mappingSets'], 'mappingSets');
  if (!isObject(content['profile'])) throw new ScoringInputError('The snapshot has no service profile.');
  const rawAnswers = content['answers'];
  if (!Array.isArray(rawAnswers)) throw new ScoringInputError("The snapshot's answers are not a list.");
  const answers = rawAnswers.map((a: unknown, index) => {
    if (!isObject(a) || !isString(a['questionKey']) || !('value' in a)) {
      throw new ScoringInputError(`The snapshot's answers[${index}] has no question key and value.`);
    }
    return { questionKey: a['questionKey'], value: a['value'], note: isString(a['note']) ? a['note'] : null, version: Number(a['version'] ?? 0) };
  });
  const rawStatuses = content['requirementStatuses'] ?? [];
  if (!Array.isArray(rawStatuses)) throw new ScoringInputError("The snapshot's requirement statuses are not a list.");
  const requirementStatuses = rawStatuses.map((s: unknown, index): ScoredSnapshotContent['requirementStatuses'][number] => {
    const kind = isObject(s) ? s['kind'] : undefined;
    if (!isObject(s) || !isString(s['requirementKey']) || (kind !== 'not-applicable' && kind !== 'alternative') || !isString(s['justification'])) {
      throw new ScoringInputError(`The snapshot's requirementStatuses[${index}] is not a requirement status.`);
    }
    return { requirementKey: s['requirementKey'], kind, justification: s['justification'] };
  });
  return { frameworks, mappingSets, profile: content['profile'] as unknown as ServiceProfile, answers, requirementStatuses };
}

export const documentKey = (ref: { slug: string; version: string }): string => `${ref.slug}@${ref.version}`;

function pick<D>(kind: string, ref: DocumentRef, documents: ReadonlyMap<string, HashedDocument<D>>): D {
  const found = documents.get(documentKey(ref));
  if (!found) throw new ScoringInputError(`The ${kind} ${documentKey(ref)} of this submission is not in the catalogue.`);
  if (found.contentHash.trim() !== ref.contentHash.trim()) {
    throw new ScoringInputError(
      `The ${kind} ${documentKey(ref)} changed since the submission (content hash ${found.contentHash.slice(0, 12)}…, submitted ${ref.contentHash.slice(0, 12)}…).`,
    );
  }
  return found.document;
}

/**
 * Rebuilds the engine's input from a snapshot and the catalogue documents it names, checking that
 * each document is exactly the one that was submitted (same content hash).
 */
export function scoringInputFromSnapshot(
  content: ScoredSnapshotContent,
  frameworks: ReadonlyMap<string, HashedDocument<FrameworkDefinition>>,
  mappingSets: ReadonlyMap<string, HashedDocument<MappingSetDefinition>>,
): ScoringInput {
  return {
    frameworks: content.frameworks.map((ref) => pick('framework version', ref, frameworks)),
    profile: content.profile,
    answers: Object.fromEntries(content.answers.map((a) => [a.questionKey, a.value as AnswerValue])),
    requirementStatuses: Object.fromEntries(
      content.requirementStatuses.map((s): [string, RequirementStatus] => [s.requirementKey, { kind: s.kind, justification: s.justification }]),
    ),
    mappingSets: content.mappingSets.map((ref) => pick('mapping set', ref, mappingSets)),
  };
}

/** A short, single-line reason for a failure stored with the score. */
export function failureReason(error: unknown): string {
  const message = error instanceof Error ? `${error.name === 'Error' || error.name === 'ScoringInputError' ? '' : `${error.name}: `}${error.message}` : String(error);
  const line = message.replace(/\s+/g, ' ').trim() || 'unknown error';
  return line.length > 500 ? `${line.slice(0, 497)}…` : line;
}
