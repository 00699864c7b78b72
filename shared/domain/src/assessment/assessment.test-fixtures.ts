import type {
  ChoiceOption,
  DateQuestion,
  DurationQuestion,
  MaturityQuestion,
  MultipleChoiceQuestion,
  NumberQuestion,
  PercentageQuestion,
  QuestionDefinition,
  RequirementDefinition,
  SingleChoiceQuestion,
  TextQuestion,
  UrlQuestion,
  YesPartialNoQuestion,
} from '../catalog/catalog.types';

const prompt = { en: 'Question?', fr: 'Question ?' };

const option = (value: string, score: number, exclusive?: boolean): ChoiceOption => ({
  value,
  label: { en: value, fr: value },
  score,
  ...(exclusive === undefined ? {} : { exclusive }),
});

/** A question of each type, with and without bounds; keys follow `<requirement>-q<n>`. */
export const yesPartialNo: YesPartialNoQuestion = {
  key: 'TST-1-q1',
  type: 'yes-partial-no',
  prompt,
  required: true,
};
export const maturity: MaturityQuestion = { key: 'TST-1-q2', type: 'maturity', prompt, required: true };
export const singleChoice: SingleChoiceQuestion = {
  key: 'TST-1-q3',
  type: 'single-choice',
  prompt,
  required: true,
  options: [option('always', 1), option('sometimes', 0.5), option('never', 0)],
};
export const multipleChoice: MultipleChoiceQuestion = {
  key: 'TST-1-q4',
  type: 'multiple-choice',
  prompt,
  required: true,
  options: [
    option('hashing', 0.5),
    option('classifiers', 0.5),
    option('reports', 0.25),
    option('none', 0, true),
  ],
};
export const multipleChoiceWithoutNone: MultipleChoiceQuestion = {
  key: 'TST-1-q5',
  type: 'multiple-choice',
  prompt,
  required: true,
  options: [option('content', 0.5), option('profiles', 0.5), option('messages', 0.5, false)],
};
export const boundedNumber: NumberQuestion = {
  key: 'TST-2-q1',
  type: 'number',
  prompt,
  required: false,
  unit: 'taps',
  min: 1,
  max: 30,
};
export const freeNumber: NumberQuestion = { key: 'TST-2-q2', type: 'number', prompt, required: false };
export const percentage: PercentageQuestion = { key: 'TST-2-q3', type: 'percentage', prompt, required: true };
export const boundedPercentage: PercentageQuestion = {
  key: 'TST-2-q4',
  type: 'percentage',
  prompt,
  required: true,
  min: 10,
  max: 90,
};
export const duration: DurationQuestion = {
  key: 'TST-2-q5',
  type: 'duration',
  prompt,
  required: true,
  unit: 'hours',
  min: 0,
  max: 720,
};
export const freeDuration: DurationQuestion = {
  key: 'TST-2-q6',
  type: 'duration',
  prompt,
  required: true,
  unit: 'minutes',
};
export const date: DateQuestion = { key: 'TST-3-q1', type: 'date', prompt, required: false };
export const text: TextQuestion = { key: 'TST-3-q2', type: 'text', prompt, required: false };
export const url: UrlQuestion = { key: 'TST-3-q3', type: 'url', prompt, required: false };

export function requirement(
  key: string,
  questions: QuestionDefinition[],
  extra: Partial<RequirementDefinition> = {},
): RequirementDefinition {
  const localized = { en: key, fr: key };
  return {
    key,
    title: localized,
    statement: localized,
    guidance: localized,
    critical: false,
    weight: 1,
    evidence: { en: ['item'], fr: ['élément'] },
    recommendation: localized,
    sourceStatus: 'verified',
    references: [{ title: 'Source', url: 'https://example.org' }],
    questions,
    ...extra,
  };
}
