/**
 * Per-document indexes of the scoring engine, built once per framework or mapping-set object and
 * cached in WeakMaps: repeated scorings of the same catalogue documents reuse them, and documents
 * that are no longer referenced are collected with their indexes. Documents must not be mutated
 * after their first scoring (catalogue versions are immutable).
 */
import { MATURITY_LEVELS, YES_PARTIAL_NO_SCORES } from '../catalog/catalog.constants';
import type {
  FrameworkDefinition,
  MappingSetDefinition,
  MetricQuestion,
  MultipleChoiceQuestion,
  QuestionDefinition,
  RequirementDefinition,
  SingleChoiceQuestion,
} from '../catalog/catalog.types';
import {
  frameworkVersionKey,
  isScoredQuestion,
  isScoredRequirement,
  questionWeight,
} from '../catalog/framework-navigation';
import { PERCENTAGE_MAX, PERCENTAGE_MIN } from '../assessment/answer-value';
import { indexQuestionsByKey, type QuestionsByKey } from '../assessment/question-visibility';
import { validateAnswer } from '../assessment/validate-answer';

/**
 * The score of a valid answer (0..1), or `null` for an answer left out of the score (the
 * `not-applicable` answer of a yes-partial-no question). Called only on values `accepts` took.
 */
type AnswerScore = (value: unknown) => number | null;

export interface IndexedQuestion {
  definition: QuestionDefinition;
  key: string;
  weight: number;
  /** The question has a `dependsOn` condition. */
  conditional: boolean;
  /**
   * Whether a stored value is a valid answer to this question (the same verdict as
   * `validateAnswer`); an invalid value from old data counts as no answer at all.
   */
  accepts: (value: unknown) => boolean;
  /** Undefined for informational questions. */
  score: AnswerScore | undefined;
}

export interface IndexedRequirement {
  definition: RequirementDefinition;
  key: string;
  sectionKey: string;
  /** Position in the framework, in catalogue order. */
  position: number;
  scored: boolean;
  questions: IndexedQuestion[];
}

export interface FrameworkIndex {
  definition: FrameworkDefinition;
  /** `<slug>@<version>` */
  versionKey: string;
  questionsByKey: QuestionsByKey;
  /** Catalogue order. */
  requirements: IndexedRequirement[];
  requirementsByKey: ReadonlyMap<string, IndexedRequirement>;
  /** The questions some `dependsOn` refers to: their answers decide what is visible. */
  dependsOnTargets: IndexedQuestion[];
}

/** Requirement key → the keys of the requirements of the other framework that relate to it. */
export type RequirementKeyTable = ReadonlyMap<string, readonly string[]>;

export interface MappingSetIndex {
  sourceVersionKey: string;
  targetVersionKey: string;
  /** Target requirement key → source requirement keys that strictly contain it (`superset`). */
  targetsInSource: RequirementKeyTable;
  /** Source requirement key → target requirement keys that strictly contain it (`subset`). */
  sourcesInTarget: RequirementKeyTable;
  /** Target requirement key → source requirement keys equal to it (`equal`). */
  targetsEqualInSource: RequirementKeyTable;
  /** Source requirement key → target requirement keys equal to it (`equal`). */
  sourcesEqualInTarget: RequirementKeyTable;
}

const frameworkIndexes = new WeakMap<FrameworkDefinition, FrameworkIndex>();
const mappingSetIndexes = new WeakMap<MappingSetDefinition, MappingSetIndex>();

export function frameworkIndexOf(framework: FrameworkDefinition): FrameworkIndex {
  let index = frameworkIndexes.get(framework);
  if (!index) {
    index = buildFrameworkIndex(framework);
    frameworkIndexes.set(framework, index);
  }
  return index;
}

export function mappingSetIndexOf(mappingSet: MappingSetDefinition): MappingSetIndex {
  let index = mappingSetIndexes.get(mappingSet);
  if (!index) {
    index = buildMappingSetIndex(mappingSet);
    mappingSetIndexes.set(mappingSet, index);
  }
  return index;
}

function buildFrameworkIndex(framework: FrameworkDefinition): FrameworkIndex {
  const indexed = new Map<string, IndexedQuestion>();
  const requirements: IndexedRequirement[] = [];
  for (const section of framework.sections) {
    for (const requirement of section.requirements) {
      const questions = requirement.questions.map(indexQuestion);
      for (const question of questions) indexed.set(question.key, question);
      requirements.push({
        definition: requirement,
        key: requirement.key,
        sectionKey: section.key,
        position: requirements.length,
        scored: isScoredRequirement(requirement),
        questions,
      });
    }
  }
  const targetKeys = new Set<string>();
  for (const question of indexed.values())
    if (question.definition.dependsOn) targetKeys.add(question.definition.dependsOn.question);
  const dependsOnTargets = [...indexed.values()].filter((question) => targetKeys.has(question.key));
  return {
    definition: framework,
    versionKey: frameworkVersionKey(framework.slug, framework.version),
    questionsByKey: indexQuestionsByKey([...indexed.values()].map((question) => question.definition)),
    requirements,
    requirementsByKey: new Map(requirements.map((requirement) => [requirement.key, requirement])),
    dependsOnTargets,
  };
}

function buildMappingSetIndex(mappingSet: MappingSetDefinition): MappingSetIndex {
  const targetsInSource = new Map<string, string[]>();
  const sourcesInTarget = new Map<string, string[]>();
  const targetsEqualInSource = new Map<string, string[]>();
  const sourcesEqualInTarget = new Map<string, string[]>();
  const add = (table: Map<string, string[]>, key: string, related: string) => {
    const list = table.get(key);
    if (list) {
      if (!list.includes(related)) list.push(related);
    } else table.set(key, [related]);
  };
  for (const mapping of mappingSet.mappings) {
    // The relationship reads "source is … of target".
    switch (mapping.relationship) {
      case 'superset':
        add(targetsInSource, mapping.target, mapping.source);
        break;
      case 'subset':
        add(sourcesInTarget, mapping.source, mapping.target);
        break;
      case 'equal':
        add(targetsEqualInSource, mapping.target, mapping.source);
        add(sourcesEqualInTarget, mapping.source, mapping.target);
        break;
      case 'intersect':
        break;
    }
  }
  return {
    sourceVersionKey: frameworkVersionKey(mappingSet.source.framework, mappingSet.source.version),
    targetVersionKey: frameworkVersionKey(mappingSet.target.framework, mappingSet.target.version),
    targetsInSource,
    sourcesInTarget,
    targetsEqualInSource,
    sourcesEqualInTarget,
  };
}

function indexQuestion(question: QuestionDefinition): IndexedQuestion {
  return {
    definition: question,
    key: question.key,
    weight: questionWeight(question),
    conditional: question.dependsOn !== undefined,
    accepts: acceptorOf(question),
    score: isScoredQuestion(question) ? scorerOf(question) : undefined,
  };
}

/**
 * Fast validity checks for the question types the engine reads on every scoring; they follow the
 * rules of `validateAnswer` (a spec checks that both agree). Date, text and URL answers are only
 * read to count progress, so they go through `validateAnswer` itself.
 */
function acceptorOf(question: QuestionDefinition): (value: unknown) => boolean {
  switch (question.type) {
    case 'yes-partial-no':
      return (value) => typeof value === 'string' && Object.hasOwn(YES_PARTIAL_NO_SCORES, value);
    case 'maturity': {
      const lowest = MATURITY_LEVELS[0];
      const highest = MATURITY_LEVELS[MATURITY_LEVELS.length - 1] ?? lowest;
      return (value) =>
        Number.isInteger(value) && (value as number) >= lowest && (value as number) <= highest;
    }
    case 'single-choice': {
      const values = new Set(question.options.map((option) => option.value));
      return (value) => typeof value === 'string' && values.has(value);
    }
    case 'multiple-choice':
      return multipleChoiceAcceptor(question);
    case 'number':
    case 'percentage':
    case 'duration': {
      const [min, max] = metricBounds(question);
      return (value) => typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
    }
    case 'date':
    case 'text':
    case 'url':
      return (value) => validateAnswer(question, value).ok;
  }
}

function multipleChoiceAcceptor(question: MultipleChoiceQuestion): (value: unknown) => boolean {
  const exclusive = new Set<string>();
  const regular = new Set<string>();
  for (const option of question.options) (option.exclusive === true ? exclusive : regular).add(option.value);
  return (value) => {
    if (!Array.isArray(value)) return false;
    if (value.length === 0) return exclusive.size === 0;
    const seen = new Set<string>();
    for (const item of value as unknown[]) {
      if (typeof item !== 'string' || seen.has(item)) return false;
      if (exclusive.has(item)) {
        if (value.length > 1) return false;
      } else if (!regular.has(item)) return false;
      seen.add(item);
    }
    return true;
  };
}

function metricBounds(question: MetricQuestion): [number, number] {
  switch (question.type) {
    case 'number':
      return [question.min ?? -Infinity, question.max ?? Infinity];
    case 'percentage':
      return [
        Math.max(PERCENTAGE_MIN, question.min ?? PERCENTAGE_MIN),
        Math.min(PERCENTAGE_MAX, question.max ?? PERCENTAGE_MAX),
      ];
    case 'duration':
      return [Math.max(0, question.min ?? 0), question.max ?? Infinity];
  }
}

/** Selected option scores are summed and then rounded to this many decimals, before the cap at 1. */
const CHOICE_SUM_DECIMALS = 1e9;

function scorerOf(question: QuestionDefinition): AnswerScore | undefined {
  switch (question.type) {
    case 'yes-partial-no':
      return (value) => YES_PARTIAL_NO_SCORES[value as keyof typeof YES_PARTIAL_NO_SCORES];
    case 'maturity': {
      const highest = MATURITY_LEVELS[MATURITY_LEVELS.length - 1] ?? 1;
      return (value) => (value as number) / highest;
    }
    case 'single-choice':
      return singleChoiceScorer(question);
    case 'multiple-choice':
      return multipleChoiceScorer(question);
    case 'number':
    case 'percentage':
    case 'duration':
      return metricScorer(question);
    case 'date':
    case 'text':
    case 'url':
      return undefined;
  }
}

function singleChoiceScorer(question: SingleChoiceQuestion): AnswerScore {
  const scores = new Map(question.options.map((option) => [option.value, option.score]));
  return (value) => scores.get(value as string) ?? 0;
}

function multipleChoiceScorer(question: MultipleChoiceQuestion): AnswerScore {
  const options = question.options;
  return (value) => {
    const selected = value as readonly string[];
    // Summed in catalogue option order, whatever order the answer lists them in.
    let sum = 0;
    for (const option of options) if (selected.includes(option.value)) sum += option.score;
    return Math.min(1, Math.round(sum * CHOICE_SUM_DECIMALS) / CHOICE_SUM_DECIMALS);
  };
}

function metricScorer(question: MetricQuestion): AnswerScore | undefined {
  const scoring = question.scoring;
  if (!scoring) return undefined;
  const bands = scoring.bands;
  const reaches =
    scoring.direction === 'higher-is-better'
      ? (answer: number, threshold: number) => answer >= threshold
      : (answer: number, threshold: number) => answer <= threshold;
  return (value) => {
    for (const band of bands) if (reaches(value as number, band.value)) return band.score;
    return 0;
  };
}
