/**
 * How each requirement of an assessment is settled (its `RequirementBasis`) and which questions are
 * visible: the part shared by the assessment plan and the scoring engine. Pure; reads the answers
 * only to decide visibility.
 */
import type { FrameworkDefinition } from '../catalog/catalog.types';
import { appliesTo } from '../catalog/applicability';
import type { AnswersByKey, AnswerValue, RequirementStatus } from '../assessment/answer-value';
import { answerOf, isQuestionVisible } from '../assessment/question-visibility';
import type { MappingReference, RequirementBasis, ScoringInput } from './scoring.types';
import {
  frameworkIndexOf,
  mappingSetIndexOf,
  type FrameworkIndex,
  type IndexedQuestion,
  type IndexedRequirement,
} from './scoring-index';

export interface RequirementLink {
  /** Position of the framework in the assessment's order. */
  frameworkPosition: number;
  framework: FrameworkDefinition;
  requirement: IndexedRequirement;
}

export interface ResolvedRequirement {
  indexed: IndexedRequirement;
  basis: RequirementBasis;
  /** For `mapping`: the requirement of an earlier framework that covers this one. */
  coveredBy?: RequirementLink;
  /** For `mapping`: the end of the chain, settled by its own answers or an alternative. */
  settledBy?: RequirementLink;
}

export interface ResolvedFramework {
  position: number;
  index: FrameworkIndex;
  /** Catalogue order. */
  requirements: ResolvedRequirement[];
  /** Valid answers to the questions other questions depend on (invalid values are left out). */
  visibilityAnswers: ReadonlyMap<string, AnswerValue>;
}

const NO_ANSWERS: AnswersByKey = new Map<string, AnswerValue>();

/** The answers of the input, or none when the input holds something else (old or broken data). */
export function answersOf(input: ScoringInput): AnswersByKey {
  const answers: unknown = input.answers;
  return typeof answers === 'object' && answers !== null ? (answers as AnswersByKey) : NO_ANSWERS;
}

/** The stored value of a question when it is a valid answer to it, else undefined. */
export function validAnswerOf(question: IndexedQuestion, answers: AnswersByKey): unknown {
  const value: unknown = answerOf(answers, question.key);
  return value !== undefined && question.accepts(value) ? value : undefined;
}

/** Every framework of the input, in input order, with each requirement's basis. */
export function resolveAssessment(input: ScoringInput): ResolvedFramework[] {
  const answers = answersOf(input);
  const indexes = input.frameworks.map(frameworkIndexOf);
  const candidates = coverageCandidates(input, indexes);
  const resolved: ResolvedFramework[] = [];
  for (const [position, index] of indexes.entries()) {
    const covering = candidates[position];
    const requirements = index.requirements.map((indexed): ResolvedRequirement => {
      const basis = ownBasis(indexed, input);
      if (basis !== 'answers') return { indexed, basis };
      const coveredBy = covering?.get(indexed.key)?.find((candidate) => settles(resolved, candidate));
      if (!coveredBy) return { indexed, basis };
      const coverer = resolvedRequirement(resolved, coveredBy);
      return { indexed, basis: 'mapping', coveredBy, settledBy: coverer?.settledBy ?? coveredBy };
    });
    resolved.push({ position, index, requirements, visibilityAnswers: visibilityAnswersOf(index, answers) });
  }
  return resolved;
}

/** Whether the question is shown, given the (valid) answers of its framework. */
export function isVisibleIn(question: IndexedQuestion, framework: ResolvedFramework): boolean {
  return (
    !question.conditional ||
    isQuestionVisible(question.definition, framework.visibilityAnswers, framework.index.questionsByKey)
  );
}

export function referenceOf(link: RequirementLink): MappingReference {
  return {
    framework: link.framework.slug,
    version: link.framework.version,
    requirementKey: link.requirement.key,
  };
}

/** Requirement questions whose answers count (or are asked): own answers, or context only. */
export function asksQuestions(basis: RequirementBasis): boolean {
  return basis === 'answers' || basis === 'not-scored';
}

/** The basis a requirement has on its own, before mappings are looked at. */
function ownBasis(indexed: IndexedRequirement, input: ScoringInput): RequirementBasis {
  if (!appliesTo(indexed.definition.applicability, input.profile)) return 'not-applicable-profile';
  if (!indexed.scored) return 'not-scored';
  const status = statusOf(input, indexed.key);
  if (status === 'not-applicable') return 'declared-not-applicable';
  if (status === 'alternative' && indexed.definition.allowsAlternative === true) return 'alternative';
  return 'answers';
}

function statusOf(input: ScoringInput, key: string): RequirementStatus['kind'] | undefined {
  const statuses: unknown = input.requirementStatuses;
  if (typeof statuses !== 'object' || statuses === null || !Object.hasOwn(statuses, key)) return undefined;
  const status: unknown = (statuses as Record<string, unknown>)[key];
  if (typeof status !== 'object' || status === null) return undefined;
  const kind: unknown = (status as { kind?: unknown }).kind;
  return kind === 'not-applicable' || kind === 'alternative' ? kind : undefined;
}

function resolvedRequirement(resolved: readonly ResolvedFramework[], link: RequirementLink) {
  return resolved[link.frameworkPosition]?.requirements[link.requirement.position];
}

/** A covering requirement must itself be settled by answers, an alternative or a mapping. */
function settles(resolved: readonly ResolvedFramework[], link: RequirementLink): boolean {
  const basis = resolvedRequirement(resolved, link)?.basis;
  return basis === 'answers' || basis === 'alternative' || basis === 'mapping';
}

/**
 * For each framework position: requirement key → the requirements of earlier frameworks that
 * contain it, ordered by framework position, then catalogue order.
 */
function coverageCandidates(
  input: ScoringInput,
  indexes: readonly FrameworkIndex[],
): Map<string, RequirementLink[]>[] {
  const positions = new Map<string, number>();
  for (const [position, index] of indexes.entries())
    if (!positions.has(index.versionKey)) positions.set(index.versionKey, position);
  const tables = indexes.map(() => new Map<string, RequirementLink[]>());
  for (const mappingSet of input.mappingSets ?? []) {
    const sets = mappingSetIndexOf(mappingSet);
    const source = positions.get(sets.sourceVersionKey);
    const target = positions.get(sets.targetVersionKey);
    if (source === undefined || target === undefined || source === target) continue;
    // The later framework's requirements are covered by the earlier one's.
    const [earlier, later, covered] =
      source < target ? [source, target, sets.coveredBySource] : [target, source, sets.coveredByTarget];
    const earlierIndex = indexes[earlier];
    const laterTable = tables[later];
    if (!earlierIndex || !laterTable) continue;
    for (const [coveredKey, coveringKeys] of covered) {
      for (const coveringKey of coveringKeys) {
        const requirement = earlierIndex.requirementsByKey.get(coveringKey);
        if (!requirement) continue;
        const link: RequirementLink = {
          frameworkPosition: earlier,
          framework: earlierIndex.definition,
          requirement,
        };
        const list = laterTable.get(coveredKey);
        if (list) list.push(link);
        else laterTable.set(coveredKey, [link]);
      }
    }
  }
  for (const table of tables)
    for (const list of table.values())
      list.sort(
        (a, b) =>
          a.frameworkPosition - b.frameworkPosition || a.requirement.position - b.requirement.position,
      );
  return tables;
}

function visibilityAnswersOf(index: FrameworkIndex, answers: AnswersByKey): Map<string, AnswerValue> {
  const valid = new Map<string, AnswerValue>();
  for (const question of index.dependsOnTargets) {
    const value = validAnswerOf(question, answers);
    if (value !== undefined) valid.set(question.key, value as AnswerValue);
  }
  return valid;
}
