import { type Locale, type QuestionDefinition } from '@beacon/domain';
import { type TranslationKey } from '../../../core/i18n/translations';

const YES_PARTIAL_NO_LABELS: Readonly<Record<string, TranslationKey>> = {
  yes: 'assessments.answer.yes',
  partial: 'assessments.answer.partial',
  no: 'assessments.answer.no',
  'not-applicable': 'assessments.answer.notApplicable',
};

/** An answer as a person reads it (labels of choices in the active language). */
export function formatAnswer(
  question: QuestionDefinition,
  value: unknown,
  locale: Locale,
  t: (key: TranslationKey) => string,
): string {
  if (value === undefined || value === null) return t('assessments.answer.none');
  const items: unknown[] = Array.isArray(value) ? (value as unknown[]) : [value];
  return items
    .map((item) => {
      const text = typeof item === 'string' || typeof item === 'number' ? String(item) : JSON.stringify(item);
      if (question.type === 'yes-partial-no') {
        const key = YES_PARTIAL_NO_LABELS[text];
        return key ? t(key) : text;
      }
      if (question.type === 'single-choice' || question.type === 'multiple-choice')
        return question.options.find((o) => o.value === item)?.label[locale] ?? text;
      return text;
    })
    .join(', ');
}
