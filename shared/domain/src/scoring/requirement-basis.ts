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
  type RequirementKeyTable,
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
  /** For `mapping`: the requirement of another framework of the assessment that covers this one. */
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
  const requirements = resolveRequirements(input, indexes);
  return indexes.map((index, position) => ({
    position,
    index,
    requirements: requirements[position] ?? [],
    visibilityAnswers: visibilityAnswersOf(index, answers),
  }));
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

/**
 * Each requirement's basis, per framework position, in catalogue order. A requirement covered by
 * another needs that one resolved first, wherever its framework sits in the assessment: memoised
 * recursion, started in a fixed order (frameworks in input order, requirements in catalogue order).
 * Only inconsistent mapping data can make a cycle (A ⊂ B in one set and B ⊂ A in another, or
 * `equal` and strict links chained back to their start); a candidate that is still being resolved,
 * up the recursion, counts as not settling, so the resolution ends and always gives the same result.
 */
function resolveRequirements(
  input: ScoringInput,
  indexes: readonly FrameworkIndex[],
): ResolvedRequirement[][] {
  const candidates = coverageCandidates(input, indexes);
  const done = indexes.map((index) => new Array<ResolvedRequirement | undefined>(index.requirements.length));
  const resolving = indexes.map(() => new Set<number>());

  const resolve = (position: number, indexed: IndexedRequirement): ResolvedRequirement => {
    const known = done[position]?.[indexed.position];
    if (known) return known;
    let resolved: ResolvedRequirement = { indexed, basis: ownBasis(indexed, input) };
    const covering = resolved.basis === 'answers' ? candidates[position]?.get(indexed.key) : undefined;
    if (covering) {
      resolving[position]?.add(indexed.position);
      for (const link of covering) {
        if (resolving[link.frameworkPosition]?.has(link.requirement.position)) continue;
        const coverer = resolve(link.frameworkPosition, link.requirement);
        if (!settles(coverer.basis)) continue;
        resolved = { indexed, basis: 'mapping', coveredBy: link, settledBy: coverer.settledBy ?? link };
        break;
      }
      resolving[position]?.delete(indexed.position);
    }
    const table = done[position];
    if (table) table[indexed.position] = resolved;
    return resolved;
  };

  return indexes.map((index, position) => index.requirements.map((indexed) => resolve(position, indexed)));
}

/** A covering requirement must itself be settled by answers, an alternative or a mapping. */
function settles(basis: RequirementBasis): boolean {
  return basis === 'answers' || basis === 'alternative' || basis === 'mapping';
}

/**
 * For each framework position: requirement key → the requirements of the other frameworks that
 * cover it, ordered by framework position, then catalogue order. A requirement that strictly
 * contains another (`superset` from the source, `subset` from the target) covers it whatever the
 * order of their frameworks; of two `equal` requirements, the one of the earlier framework covers
 * the other (they would otherwise cover each other); `intersect` never covers.
 */
function coverageCandidates(
  input: ScoringInput,
  indexes: readonly FrameworkIndex[],
): Map<string, RequirementLink[]>[] {
  const positions = new Map<string, number>();
  for (const [position, index] of indexes.entries())
    if (!positions.has(index.versionKey)) positions.set(index.versionKey, position);
  const tables = indexes.map(() => new Map<string, RequirementLink[]>());
  const addCandidates = (covered: number, covering: number, keys: RequirementKeyTable) => {
    const table = tables[covered];
    const coveringIndex = indexes[covering];
    if (!table || !coveringIndex) return;
    for (const [coveredKey, coveringKeys] of keys) {
      for (const coveringKey of coveringKeys) {
        const requirement = coveringIndex.requirementsByKey.get(coveringKey);
        if (!requirement) continue;
        const link: RequirementLink = {
          frameworkPosition: covering,
          framework: coveringIndex.definition,
          requirement,
        };
        const list = table.get(coveredKey);
        if (list) list.push(link);
        else table.set(coveredKey, [link]);
      }
    }
  };
  for (const mappingSet of input.mappingSets ?? []) {
    const sets = mappingSetIndexOf(mappingSet);
    const source = positions.get(sets.sourceVersionKey);
    const target = positions.get(sets.targetVersionKey);
    if (source === undefined || target === undefined || source === target) continue;
    addCandidates(target, source, sets.targetsInSource);
    addCandidates(source, target, sets.sourcesInTarget);
    if (source < target) addCandidates(target, source, sets.targetsEqualInSource);
    else addCandidates(source, target, sets.sourcesEqualInTarget);
  }
  for (const table of tables)
    for (const list of table.values())
      if (list.length > 1)
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
