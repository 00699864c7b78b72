import type { QuestionDefinition } from '@beacon/domain';

/** A valid, best-scoring answer to any catalogue question: fills the required answers of a test assessment. */
export function sampleAnswer(q: QuestionDefinition): unknown {
  switch (q.type) {
    case 'yes-partial-no':
      return 'yes';
    case 'maturity':
      return 4;
    case 'single-choice':
      return q.options[0]!.value;
    case 'multiple-choice':
      return [q.options.find((o) => !o.exclusive)?.value ?? q.options[0]!.value];
    case 'number':
    case 'duration':
      return q.min ?? 1;
    case 'percentage':
      return q.max ?? 100;
    case 'date':
      return '2026-01-15';
    case 'text':
      return 'Documented in our child-safety policy.';
    case 'url':
      return 'https://example.org/policy';
  }
}
