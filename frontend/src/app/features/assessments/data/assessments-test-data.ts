import type { AnswerResponse } from '@beacon/contracts';
import type {
  DurationQuestion,
  MultipleChoiceQuestion,
  QuestionDefinition,
  TextQuestion,
  YesPartialNoQuestion,
} from '@beacon/domain';

export const ASSESSMENT_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

const prompt = { en: 'A question?', fr: 'Une question ?' };

export const yesNo: YesPartialNoQuestion = {
  key: 'TST-1-q1',
  type: 'yes-partial-no',
  prompt,
  required: true,
};
export const textQuestion: TextQuestion = { key: 'TST-1-q2', type: 'text', prompt, required: false };
export const durationQuestion: DurationQuestion = {
  key: 'TST-1-q3',
  type: 'duration',
  unit: 'hours',
  min: 0,
  prompt,
  required: true,
};
export const multiQuestion: MultipleChoiceQuestion = {
  key: 'TST-1-q4',
  type: 'multiple-choice',
  prompt,
  required: true,
  options: [
    { value: 'hash', label: { en: 'Hash matching', fr: 'Empreintes' }, score: 1 },
    { value: 'ai', label: { en: 'Classifiers', fr: 'Classifieurs' }, score: 1 },
    { value: 'none', label: { en: 'None of these', fr: 'Aucun' }, score: 0, exclusive: true },
  ],
};

export const allTypes: QuestionDefinition[] = [
  yesNo,
  { key: 'TST-2-q1', type: 'maturity', prompt, required: true },
  {
    key: 'TST-2-q2',
    type: 'single-choice',
    prompt,
    required: true,
    options: [
      { value: 'daily', label: { en: 'Daily', fr: 'Quotidien' }, score: 1 },
      { value: 'weekly', label: { en: 'Weekly', fr: 'Hebdomadaire' }, score: 0.5 },
    ],
  },
  multiQuestion,
  { key: 'TST-2-q3', type: 'number', unit: 'reports', prompt, required: false },
  { key: 'TST-2-q4', type: 'percentage', prompt, required: false },
  durationQuestion,
  { key: 'TST-3-q1', type: 'date', prompt, required: false },
  textQuestion,
  { key: 'TST-3-q3', type: 'url', prompt, required: false },
];

export function answer(questionKey: string, value: unknown, version: number): AnswerResponse {
  return {
    questionKey,
    value,
    note: null,
    version,
    updatedAt: '2026-01-01T00:00:00Z',
    updatedBy: 'user-owner',
  };
}
