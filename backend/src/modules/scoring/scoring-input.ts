import type { AssessmentSnapshotContent } from '@beacon/contracts';
import { readSnapshot, SnapshotShapeError } from '@beacon/domain';
import type { AnswerValue, FrameworkDefinition, MappingSetDefinition, RequirementStatus, ScoringInput } from '@beacon/domain';

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

/**
 * Reads `assessment_snapshots.content` through the one snapshot reader (`readSnapshot`); a snapshot
 * of the wrong shape is a permanent scoring failure.
 */
export function readSnapshotContent(content: unknown): ScoredSnapshotContent {
  try {
    return readSnapshot(content);
  } catch (error) {
    if (error instanceof SnapshotShapeError) throw new ScoringInputError(error.message);
    throw error;
  }
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
