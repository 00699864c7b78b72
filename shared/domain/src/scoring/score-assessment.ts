/**
 * The scoring engine: answers → question, requirement, section and framework scores, ratings,
 * critical failures, gaps and mapping coverage. Pure and deterministic (no clock, no randomness, no
 * locale): the API, the worker and the browser get the same result for the same input. The rules
 * are written out in docs/methodology.md.
 */
import type { FrameworkDefinition, RatingBand, RequirementDefinition } from '../catalog/catalog.types';
import { criticalThresholdOf, lowestRatingBand, ratingBandFor } from '../catalog/framework-navigation';
import type { AnswersByKey } from '../assessment/answer-value';
import {
  answersOf,
  isVisibleIn,
  referenceOf,
  resolveAssessment,
  validAnswerOf,
  type ResolvedFramework,
  type ResolvedRequirement,
} from './requirement-basis';
import { percentOneDecimal } from './score-rounding';
import {
  SCORING_ENGINE_VERSION,
  type CriticalFailure,
  type FrameworkResult,
  type Gap,
  type MappingCoverage,
  type QuestionResult,
  type RatingResult,
  type RequirementOutcome,
  type RequirementResult,
  type ScoringInput,
  type ScoringResult,
  type SectionResult,
} from './scoring.types';

/** A requirement's result with what mapped requirements and gaps reuse. */
interface ScoredRequirement {
  definition: RequirementDefinition;
  result: RequirementResult;
  /** Counted questions scoring below 1 (for a mapped requirement: the covering requirement's). */
  weakQuestionKeys: string[];
}

export function scoreAssessment(input: ScoringInput): ScoringResult {
  const answers = answersOf(input);
  const resolved = resolveAssessment(input);
  // First the requirements settled on their own; then the mapped ones, which take the score of the
  // end of their chain (a requirement of any framework of the assessment, earlier or later).
  const settled: (ScoredRequirement | undefined)[][] = resolved.map((framework) =>
    framework.requirements.map((requirement) =>
      requirement.basis === 'mapping' ? undefined : scoreRequirement(requirement, framework, answers, []),
    ),
  );
  const frameworks = resolved.map((framework, position) => {
    const requirements = framework.requirements.map(
      (requirement, index) =>
        settled[position]?.[index] ?? scoreRequirement(requirement, framework, answers, settled),
    );
    return frameworkResult(framework.index.definition, requirements);
  });
  return { engineVersion: SCORING_ENGINE_VERSION, frameworks };
}

/**
 * `settled`: the requirements settled on their own, by framework position and catalogue position;
 * a mapped requirement reads the one at the end of its chain there.
 */
function scoreRequirement(
  requirement: ResolvedRequirement,
  framework: ResolvedFramework,
  answers: AnswersByKey,
  settled: readonly (readonly (ScoredRequirement | undefined)[])[],
): ScoredRequirement {
  const { indexed, basis } = requirement;
  const definition = indexed.definition;
  const base = {
    key: indexed.key,
    sectionKey: indexed.sectionKey,
    critical: definition.critical,
    weight: definition.weight,
    basis,
  };
  switch (basis) {
    case 'not-applicable-profile':
    case 'declared-not-applicable':
      return excluded(base, definition, 'not-applicable');
    case 'not-scored':
      return excluded(base, definition, 'not-scored');
    case 'alternative':
      return counted(base, definition, 1, [], []);
    case 'mapping': {
      // Every link of a chain passes on the same score, outcome and weak questions: those of its end.
      const { coveredBy, settledBy } = requirement;
      const end = settledBy && settled[settledBy.frameworkPosition]?.[settledBy.requirement.position];
      if (!coveredBy || !settledBy || !end)
        throw new Error(`${indexed.key}: the end of its mapping chain was not scored first`);
      const extra = { coveredBy: referenceOf(coveredBy), settledBy: referenceOf(settledBy) };
      const score = end.result.score;
      if (score === null) return excluded({ ...base, ...extra }, definition, end.result.outcome);
      return counted({ ...base, ...extra }, definition, score, [], end.weakQuestionKeys);
    }
    case 'answers': {
      const questions: QuestionResult[] = [];
      const weak: string[] = [];
      let weighted = 0;
      let totalWeight = 0;
      for (const question of indexed.questions) {
        const result = scoreQuestion(question, framework, answers);
        questions.push(result);
        if (result.score === null) continue;
        weighted += result.weight * result.score;
        totalWeight += result.weight;
        if (result.score < 1) weak.push(result.questionKey);
      }
      if (totalWeight === 0) return excluded(base, definition, 'no-data', questions);
      return counted(base, definition, weighted / totalWeight, questions, weak);
    }
  }
}

function scoreQuestion(
  question: ResolvedRequirement['indexed']['questions'][number],
  framework: ResolvedFramework,
  answers: AnswersByKey,
): QuestionResult {
  const result = (counting: QuestionResult['counting'], score: number | null): QuestionResult => ({
    questionKey: question.key,
    counting,
    score,
    weight: question.weight,
  });
  if (!isVisibleIn(question, framework)) return result('hidden', null);
  const scoreOf = question.score;
  if (!scoreOf) return result('informational', null);
  const value = validAnswerOf(question, answers);
  if (value === undefined)
    return question.definition.required
      ? result('unanswered-required', 0)
      : result('unanswered-optional', null);
  const score = scoreOf(value);
  return score === null ? result('not-applicable-answer', null) : result('answered', score);
}

type RequirementBase = Pick<RequirementResult, 'key' | 'sectionKey' | 'critical' | 'weight' | 'basis'> &
  Partial<Pick<RequirementResult, 'coveredBy' | 'settledBy'>>;

function excluded(
  base: RequirementBase,
  definition: RequirementDefinition,
  outcome: RequirementOutcome,
  questions: QuestionResult[] = [],
): ScoredRequirement {
  return {
    definition,
    result: { ...base, outcome, score: null, criticalFailure: false, questions },
    weakQuestionKeys: [],
  };
}

function counted(
  base: RequirementBase,
  definition: RequirementDefinition,
  score: number,
  questions: QuestionResult[],
  weakQuestionKeys: string[],
): ScoredRequirement {
  const outcome: RequirementOutcome = score >= 1 ? 'met' : score > 0 ? 'partially-met' : 'not-met';
  const criticalFailure = definition.critical && score < criticalThresholdOf(definition);
  return { definition, result: { ...base, outcome, score, criticalFailure, questions }, weakQuestionKeys };
}

/** Σ weight × score and Σ weight over counted requirements. */
class WeightedMean {
  private weighted = 0;
  private totalWeight = 0;
  count = 0;

  add(weight: number, score: number): void {
    this.weighted += weight * score;
    this.totalWeight += weight;
    this.count += 1;
  }

  /** 0..100 with one decimal, or null when nothing counted. */
  percent(): number | null {
    return this.totalWeight === 0 ? null : percentOneDecimal(this.weighted / this.totalWeight);
  }
}

function frameworkResult(
  framework: FrameworkDefinition,
  scored: readonly ScoredRequirement[],
): FrameworkResult {
  const requirements = scored.map((entry) => entry.result);

  const overall = new WeightedMean();
  const bySection = new Map<string, WeightedMean>();
  let viaMapping = 0;
  let mappedWeight = 0;
  let countedWeight = 0;
  for (const requirement of requirements) {
    if (requirement.score === null) continue;
    overall.add(requirement.weight, requirement.score);
    let section = bySection.get(requirement.sectionKey);
    if (!section) {
      section = new WeightedMean();
      bySection.set(requirement.sectionKey, section);
    }
    section.add(requirement.weight, requirement.score);
    countedWeight += requirement.weight;
    if (requirement.basis === 'mapping') {
      viaMapping += 1;
      mappedWeight += requirement.weight;
    }
  }

  const sections: SectionResult[] = framework.sections.map((section) => {
    const mean = bySection.get(section.key);
    const score = mean?.percent() ?? null;
    return {
      key: section.key,
      title: section.title,
      score,
      rating: score === null ? null : ratingOf(ratingBandFor(framework, score)),
      countedRequirements: mean?.count ?? 0,
    };
  });

  const criticalFailures: CriticalFailure[] = [];
  for (const { result: requirement, definition } of scored) {
    if (!requirement.criticalFailure || requirement.score === null) continue;
    criticalFailures.push({
      requirementKey: requirement.key,
      sectionKey: requirement.sectionKey,
      title: definition.title,
      score: requirement.score,
      threshold: criticalThresholdOf(definition),
    });
  }

  const score = overall.percent();
  const band = score === null ? undefined : ratingBandFor(framework, score);
  const lowest = lowestRatingBand(framework);
  const capped = band !== undefined && criticalFailures.length > 0 && lowest !== undefined && band !== lowest;
  const coverage: MappingCoverage = {
    countedRequirements: overall.count,
    viaMapping,
    viaMappingWeightPercent: countedWeight === 0 ? 0 : percentOneDecimal(mappedWeight / countedWeight),
  };
  return {
    slug: framework.slug,
    version: framework.version,
    title: framework.title,
    score,
    rating: score === null ? null : ratingOf(capped ? lowest : band),
    capped,
    sections,
    requirements,
    criticalFailures,
    gaps: gapsOf(scored),
    coverage,
  };
}

function ratingOf(band: RatingBand | undefined): RatingResult | null {
  return band ? { key: band.key, color: band.color, label: band.label } : null;
}

function gapsOf(scored: readonly ScoredRequirement[]): Gap[] {
  const gaps: { gap: Gap; position: number }[] = [];
  for (const [position, { result, definition, weakQuestionKeys }] of scored.entries()) {
    if (result.score === null || result.score >= 1) continue;
    const shortfall = 1 - result.score;
    gaps.push({
      position,
      gap: {
        requirementKey: result.key,
        sectionKey: result.sectionKey,
        title: definition.title,
        recommendation: definition.recommendation,
        critical: result.critical,
        weight: result.weight,
        score: result.score,
        shortfall,
        priority: result.weight * shortfall,
        questionKeys: weakQuestionKeys,
        ...(result.coveredBy ? { coveredBy: result.coveredBy } : {}),
      },
    });
  }
  gaps.sort(
    (a, b) =>
      Number(b.gap.critical) - Number(a.gap.critical) ||
      b.gap.priority - a.gap.priority ||
      a.position - b.position,
  );
  return gaps.map((entry) => entry.gap);
}
