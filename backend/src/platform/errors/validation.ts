import { type ValidationError, ValidationPipe } from '@nestjs/common';
import { COMMON_ERROR_CODES, type FieldProblem } from '@beacon/contracts';
import { AppException } from './app.exception';

/** Flattens nested class-validator errors into `{ field: 'a.b[0].c', reasons }` entries. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    const own = error.constraints ? [{ field, reasons: Object.values(error.constraints) }] : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** The one validation pipe: strips nothing silently — unknown fields are refused. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = fieldProblems(errors);
      const first = details[0];
      return new AppException(
        'validation',
        COMMON_ERROR_CODES.validationFailed,
        first ? `Invalid request: ${first.field} — ${first.reasons.join(', ')}` : 'Invalid request.',
        details,
      );
    },
  });
}
