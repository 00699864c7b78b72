import type { DomainFieldProblem } from '@beacon/contracts';
import type { Locale, Problem } from '@beacon/domain';
import { InEachLocale } from './app.exception';

/**
 * A field refused by a domain rule, written in each language: the message, and details naming the
 * field with that sentence as its reason, the rule, and the problem's code and parameters.
 */
export function fieldRefusal(refused: {
  field: string;
  rule: string;
  problem: Problem;
  /** The sentence of the problem in one language. */
  write: (locale: Locale) => string;
  questionKey?: string;
  requirementKey?: string;
}): { message: InEachLocale<string>; details: InEachLocale<DomainFieldProblem[]> } {
  const { field, rule, problem, write, ...about } = refused;
  const message = InEachLocale.of(write);
  const details = InEachLocale.of((locale): DomainFieldProblem[] => [
    { field, reasons: [message.in(locale)], rule, ...about, code: problem.code, params: problem.params as Record<string, unknown> },
  ]);
  return { message, details };
}
