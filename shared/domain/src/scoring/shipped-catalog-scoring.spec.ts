import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type {
  FrameworkDefinition,
  MappingSetDefinition,
  MetricQuestion,
  QuestionDefinition,
} from '../catalog/catalog.types';
import {
  criticalThresholdOf,
  frameworkQuestions,
  frameworkRequirements,
  lowestRatingBand,
} from '../catalog/framework-navigation';
import { profileWith } from '../catalog/catalog.test-fixtures';
import { SERVICE_FEATURES } from '../catalog/service-profile';
import type { AnswerValue } from '../assessment/answer-value';
import { assessmentProgress, missingRequiredAnswers } from '../assessment/assessment-plan';
import { scoreAssessment } from './score-assessment';
import type { ScoringInput } from './scoring.types';

const CATALOG_ROOT = join(__dirname, '..', '..', '..', 'catalog');

function load<T>(folder: string): T[] {
  return readdirSync(join(CATALOG_ROOT, folder))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => parse(readFileSync(join(CATALOG_ROOT, folder, name), 'utf8')) as T);
}

/**
 * Broader frameworks first. Coverage does not depend on this order (a requirement that contains
 * another answers for it wherever it sits), but the results are listed in it.
 */
const ORDER = [
  'c3p-changing-the-paradigm',
  'five-country-voluntary-principles',
  'ncmec-platform-positions',
  'ncmec-minimum-safety-measures',
  'ncmec-safety-by-design',
  'ncmec-platform-responsibilities',
];
const frameworks = load<FrameworkDefinition>('frameworks').sort(
  (a, b) => ORDER.indexOf(a.slug) - ORDER.indexOf(b.slug),
);
const mappingSets = load<MappingSetDefinition>('mappings');
const everything = profileWith(...SERVICE_FEATURES);

function metricValues(question: MetricQuestion): number[] {
  const bounds =
    question.type === 'percentage'
      ? [question.min ?? 0, question.max ?? 100]
      : [question.min ?? 0, question.max ?? 100_000];
  return [...bounds, ...(question.scoring?.bands.map((band) => band.value) ?? [])];
}

function bandScore(question: MetricQuestion, value: number): number {
  const band = question.scoring?.bands.find((candidate) =>
    question.scoring?.direction === 'higher-is-better' ? value >= candidate.value : value <= candidate.value,
  );
  return band?.score ?? 0;
}

/** The best (or worst) valid answer to each question. */
function answerFor(question: QuestionDefinition, best: boolean): AnswerValue {
  switch (question.type) {
    case 'yes-partial-no':
      return best ? 'yes' : 'no';
    case 'maturity':
      return best ? 4 : 0;
    case 'single-choice': {
      const sorted = [...question.options].sort((a, b) => b.score - a.score);
      return (best ? sorted[0] : sorted[sorted.length - 1])?.value ?? '';
    }
    case 'multiple-choice': {
      const none = question.options.find((item) => item.exclusive === true);
      if (best || !none) {
        const regular = question.options.filter((item) => item.exclusive !== true);
        return best
          ? regular.map((item) => item.value)
          : [[...regular].sort((a, b) => a.score - b.score)[0]?.value ?? ''];
      }
      return [none.value];
    }
    case 'number':
    case 'percentage':
    case 'duration': {
      const ranked = metricValues(question).sort(
        (a, b) => bandScore(question, b) - bandScore(question, a) || a - b,
      );
      return (best ? ranked[0] : ranked[ranked.length - 1]) ?? 0;
    }
    case 'date':
      return '2025-06-30';
    case 'text':
      return 'Described in our child-safety policy.';
    case 'url':
      return 'https://example.org/child-safety';
  }
}

function completeAnswers(best: boolean): Record<string, AnswerValue> {
  return Object.fromEntries(
    frameworks.flatMap(frameworkQuestions).map((question) => [question.key, answerFor(question, best)]),
  );
}

function input(best: boolean, profile = everything): ScoringInput {
  return { frameworks, profile, answers: completeAnswers(best), mappingSets };
}

describe('scoring the shipped catalogue', () => {
  it('loads the six frameworks and the mapping sets', () => {
    expect(frameworks.map((framework) => framework.slug)).toEqual(ORDER);
    expect(mappingSets.length).toBeGreaterThan(0);
  });

  it('a complete answer set leaves nothing missing', () => {
    expect(missingRequiredAnswers(input(true))).toEqual([]);
    expect(assessmentProgress(input(true))).toMatchObject({ requiredMissing: 0, percent: 100 });
  });

  it('gives 100, the top band and no gap when every answer is the best one', () => {
    const result = scoreAssessment(input(true));
    for (const [index, framework] of result.frameworks.entries()) {
      const definition = frameworks[index]!;
      expect([framework.slug, framework.score, framework.rating?.key, framework.capped]).toEqual([
        definition.slug,
        100,
        definition.ratingBands[0]?.key,
        false,
      ]);
      expect(framework.gaps).toEqual([]);
      expect(framework.criticalFailures).toEqual([]);
      expect(framework.sections.every((section) => section.score === 100 || section.score === null)).toBe(
        true,
      );
    }
  });

  it('gives the lowest band and lists every critical requirement when every answer is the worst one', () => {
    const result = scoreAssessment(input(false));
    for (const [index, framework] of result.frameworks.entries()) {
      const definition = frameworks[index]!;
      expect(framework.rating?.key).toBe(lowestRatingBand(definition)?.key);
      const critical = frameworkRequirements(definition)
        .filter((requirement) => requirement.critical && criticalThresholdOf(requirement) > 0)
        .map((requirement) => requirement.key);
      expect(critical.length).toBeGreaterThan(0);
      expect(framework.criticalFailures.map((failure) => failure.requirementKey)).toEqual(critical);
      expect(framework.gaps.length).toBe(framework.coverage.countedRequirements);
      expect(framework.gaps.slice(0, critical.length).every((gap) => gap.critical)).toBe(true);
    }
  });

  it('answers mapped requirements once, whatever the order of the frameworks', () => {
    /** The covered requirements, as "covered ⊆ cover", in the order of the result. */
    const coveredIn = (order: readonly FrameworkDefinition[]) => {
      const result = scoreAssessment({ ...input(true), frameworks: order });
      const mapped = result.frameworks.flatMap((framework) =>
        framework.requirements.filter((requirement) => requirement.basis === 'mapping'),
      );
      // Every covered requirement counts as answered once, with the score of its cover.
      expect(result.frameworks.reduce((sum, framework) => sum + framework.coverage.viaMapping, 0)).toBe(
        mapped.length,
      );
      for (const requirement of mapped) expect(requirement.score).toBe(1);
      return mapped.map((requirement) => `${requirement.key} ⊆ ${requirement.coveredBy?.requirementKey}`);
    };
    const broadFirst = coveredIn(frameworks);
    expect(broadFirst).toEqual(['E2EE-3 ⊆ VP-7', 'EXP-1 ⊆ C3P-1', 'MSM-1 ⊆ VD-1', 'SBD-N-2 ⊆ VP-7']);
    // The narrower frameworks first: the same four, listed in that order.
    expect(coveredIn([...frameworks].reverse())).toEqual([
      'SBD-N-2 ⊆ VP-7',
      'MSM-1 ⊆ VD-1',
      'E2EE-3 ⊆ VP-7',
      'EXP-1 ⊆ C3P-1',
    ]);
    // Catalogue (alphabetical) order, as the UI creates assessments: MSM-1 is covered by VD-1 of
    // the platform positions, which come after it.
    const catalogueOrder = [...frameworks].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    expect(catalogueOrder.map((framework) => framework.slug)).toEqual([
      'c3p-changing-the-paradigm',
      'five-country-voluntary-principles',
      'ncmec-minimum-safety-measures',
      'ncmec-platform-positions',
      'ncmec-platform-responsibilities',
      'ncmec-safety-by-design',
    ]);
    expect(coveredIn(catalogueOrder)).toEqual([
      'MSM-1 ⊆ VD-1',
      'E2EE-3 ⊆ VP-7',
      'EXP-1 ⊆ C3P-1',
      'SBD-N-2 ⊆ VP-7',
    ]);
    // The shipped sets use `subset` only: the covered requirement is the source, the cover the target.
    const subsets = mappingSets.flatMap((set) =>
      set.mappings
        .filter((mapping) => mapping.relationship === 'subset')
        .map((mapping) => `${mapping.source} ⊆ ${mapping.target}`),
    );
    expect([...subsets].sort()).toEqual([...broadFirst].sort());
    expect(
      new Set(mappingSets.flatMap((set) => set.mappings.map((mapping) => mapping.relationship))),
    ).toEqual(new Set(['subset', 'intersect']));
  });

  it('scores fewer requirements for a narrower profile', () => {
    const narrow = scoreAssessment(input(true, profileWith('messaging')));
    const wide = scoreAssessment(input(true));
    const counted = (result: typeof wide) =>
      result.frameworks.reduce((sum, framework) => sum + framework.coverage.countedRequirements, 0);
    expect(counted(narrow)).toBeLessThan(counted(wide));
    expect(
      narrow.frameworks
        .flatMap((framework) => framework.requirements)
        .some((entry) => entry.basis === 'not-applicable-profile'),
    ).toBe(true);
  });
});
