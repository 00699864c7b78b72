import { DEFAULT_CRITICAL_THRESHOLD, DEFAULT_QUESTION_WEIGHT } from './catalog.constants';
import type {
  FrameworkDefinition,
  QuestionDefinition,
  RatingBand,
  RequirementDefinition,
} from './catalog.types';
import { questionTypeCanBeScored } from './framework-checks';

/** The key of a framework version in maps and references: `<slug>@<version>`. */
export function frameworkVersionKey(slug: string, version: string): string {
  return `${slug}@${version}`;
}

export function frameworkRequirements(framework: FrameworkDefinition): RequirementDefinition[] {
  return framework.sections.flatMap((section) => section.requirements);
}

export function frameworkQuestions(framework: FrameworkDefinition): QuestionDefinition[] {
  return frameworkRequirements(framework).flatMap((requirement) => requirement.questions);
}

/** Date, text and url questions, metrics without scoring bands and `scored: false` questions are informational. */
export function isScoredQuestion(question: QuestionDefinition): boolean {
  const hasScoringBands = 'scoring' in question && question.scoring !== undefined;
  return question.scored !== false && questionTypeCanBeScored(question.type, hasScoringBands);
}

export function isScoredRequirement(requirement: RequirementDefinition): boolean {
  return requirement.scored !== false;
}

export function questionWeight(question: QuestionDefinition): number {
  return question.weight ?? DEFAULT_QUESTION_WEIGHT;
}

export function criticalThresholdOf(requirement: RequirementDefinition): number {
  return requirement.criticalThreshold ?? DEFAULT_CRITICAL_THRESHOLD;
}

/** The band an overall score (0..100) falls in: the first band whose `min` it reaches. */
export function ratingBandFor(framework: FrameworkDefinition, score: number): RatingBand | undefined {
  return framework.ratingBands.find((band) => score >= band.min) ?? lowestRatingBand(framework);
}

/** The band a failed critical requirement caps the rating at. */
export function lowestRatingBand(framework: FrameworkDefinition): RatingBand | undefined {
  return framework.ratingBands[framework.ratingBands.length - 1];
}
