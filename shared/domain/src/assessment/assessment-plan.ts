/**
 * What an assessment must ask: for each requirement, how it is settled (its basis, with the same
 * precedence as the scoring engine), which requirement of another framework covers it, and the
 * visible questions still to answer. The API refuses a submission while `missingRequiredAnswers` is
 * not empty; the UI shows `assessmentProgress`.
 */
import {
  answersOf,
  asksQuestions,
  isVisibleIn,
  referenceOf,
  resolveAssessment,
  validAnswerOf,
} from '../scoring/requirement-basis';
import { percentOneDecimal } from '../scoring/score-rounding';
import type { MappingReference, RequirementBasis, ScoringInput } from '../scoring/scoring.types';

export interface RequirementPlan {
  key: string;
  sectionKey: string;
  basis: RequirementBasis;
  /** When `basis` is `mapping`: the requirement of another framework whose answers count here. */
  coveredBy?: MappingReference;
  /** When `basis` is `mapping`: the end of the chain, where the questions are actually answered. */
  settledBy?: MappingReference;
  /** The visible questions to ask, in catalogue order; empty unless `basis` is `answers` or `not-scored`. */
  questionKeys: string[];
  /** Of `questionKeys`, the required ones. */
  requiredQuestionKeys: string[];
  /** Of `requiredQuestionKeys`, those without a valid answer. */
  missingQuestionKeys: string[];
  /** Of `questionKeys`, those with a valid answer. */
  answeredQuestionKeys: string[];
}

export interface FrameworkPlan {
  slug: string;
  version: string;
  /** Catalogue order. */
  requirements: RequirementPlan[];
}

export interface AssessmentPlan {
  /** In the assessment's order. */
  frameworks: FrameworkPlan[];
}

export interface MissingRequiredAnswer {
  requirementKey: string;
  questionKey: string;
}

export interface SectionProgressSummary {
  /** The framework's slug. */
  framework: string;
  sectionKey: string;
  answeredQuestions: number;
  visibleQuestions: number;
  requiredMissing: number;
}

/** The figures of `AssessmentProgress` in @beacon/contracts. */
export interface AssessmentProgressSummary {
  /** Requirements the service profile does not exclude. */
  applicableRequirements: number;
  answeredQuestions: number;
  /** The questions to ask (see `RequirementPlan.questionKeys`). */
  visibleQuestions: number;
  requiredMissing: number;
  /** answered / visible, 0..100 with one decimal; 0 when there is nothing to ask. */
  percent: number;
  /** Every section of every framework, in order. */
  sections: SectionProgressSummary[];
}

export function planAssessment(input: ScoringInput): AssessmentPlan {
  const answers = answersOf(input);
  return {
    frameworks: resolveAssessment(input).map((framework) => ({
      slug: framework.index.definition.slug,
      version: framework.index.definition.version,
      requirements: framework.requirements.map(
        ({ indexed, basis, coveredBy, settledBy }): RequirementPlan => {
          const questionKeys: string[] = [];
          const requiredQuestionKeys: string[] = [];
          const missingQuestionKeys: string[] = [];
          const answeredQuestionKeys: string[] = [];
          if (asksQuestions(basis)) {
            for (const question of indexed.questions) {
              if (!isVisibleIn(question, framework)) continue;
              questionKeys.push(question.key);
              const answered = validAnswerOf(question, answers) !== undefined;
              if (answered) answeredQuestionKeys.push(question.key);
              if (!question.definition.required) continue;
              requiredQuestionKeys.push(question.key);
              if (!answered) missingQuestionKeys.push(question.key);
            }
          }
          return {
            key: indexed.key,
            sectionKey: indexed.sectionKey,
            basis,
            ...(coveredBy ? { coveredBy: referenceOf(coveredBy) } : {}),
            ...(settledBy ? { settledBy: referenceOf(settledBy) } : {}),
            questionKeys,
            requiredQuestionKeys,
            missingQuestionKeys,
            answeredQuestionKeys,
          };
        },
      ),
    })),
  };
}

/** Required visible questions without a valid answer, in assessment and catalogue order. */
export function missingRequiredAnswers(input: ScoringInput): MissingRequiredAnswer[] {
  return planAssessment(input).frameworks.flatMap((framework) =>
    framework.requirements.flatMap((requirement) =>
      requirement.missingQuestionKeys.map((questionKey) => ({
        requirementKey: requirement.key,
        questionKey,
      })),
    ),
  );
}

export function assessmentProgress(input: ScoringInput): AssessmentProgressSummary {
  const plan = planAssessment(input);
  const sections: SectionProgressSummary[] = [];
  let applicableRequirements = 0;
  for (const [position, framework] of plan.frameworks.entries()) {
    const bySection = new Map<string, SectionProgressSummary>();
    for (const section of input.frameworks[position]?.sections ?? []) {
      const summary = {
        framework: framework.slug,
        sectionKey: section.key,
        answeredQuestions: 0,
        visibleQuestions: 0,
        requiredMissing: 0,
      };
      bySection.set(section.key, summary);
      sections.push(summary);
    }
    for (const requirement of framework.requirements) {
      if (requirement.basis !== 'not-applicable-profile') applicableRequirements += 1;
      const summary = bySection.get(requirement.sectionKey);
      if (!summary) continue;
      summary.answeredQuestions += requirement.answeredQuestionKeys.length;
      summary.visibleQuestions += requirement.questionKeys.length;
      summary.requiredMissing += requirement.missingQuestionKeys.length;
    }
  }
  const total = (field: 'answeredQuestions' | 'visibleQuestions' | 'requiredMissing') =>
    sections.reduce((sum, section) => sum + section[field], 0);
  const answeredQuestions = total('answeredQuestions');
  const visibleQuestions = total('visibleQuestions');
  return {
    applicableRequirements,
    answeredQuestions,
    visibleQuestions,
    requiredMissing: total('requiredMissing'),
    percent: visibleQuestions === 0 ? 0 : percentOneDecimal(answeredQuestions / visibleQuestions),
    sections,
  };
}
