import { type ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldProblem } from '@beacon/contracts';
import { getMetadataStorage, ValidationTypes, type ValidatorOptions } from 'class-validator';
import type { AppException } from './app.exception';
import { commonError } from './common-error';

/** Flattens nested class-validator errors into `{ field: 'a.b[0].c', reasons }` entries. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    const own = error.constraints ? [{ field, reasons: Object.values(error.constraints) }] : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** The 400 of a request refused field by field, its message naming the first problem. */
export function invalidRequest(details: FieldProblem[]): AppException {
  const first = details[0];
  return commonError(
    'VALIDATION_FAILED',
    first ? `Invalid request: ${first.field} — ${first.reasons.join(', ')}` : 'Invalid request.',
    details,
  );
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The shape errors class-validator lets through: it accepts an array where one nested object is
 * expected (`{"attestation": []}`) and, inside an `each` array, validates the items of an inner
 * array instead of refusing it (`{"frameworks": [[]]}`), so the service receives arrays where it
 * reads objects. Here a property with `each` rules must be an array, a `@ValidateNested()` one an
 * object, and each item of a `@ValidateNested({ each: true })` one an object — checked again inside.
 */
export function shapeErrors(object: object): ValidationError[] {
  const rules = getMetadataStorage().getTargetValidationMetadatas(object.constructor, '', false, false);
  const byProperty = new Map<string, { nested: boolean; each: boolean }>();
  for (const rule of rules) {
    const seen = byProperty.get(rule.propertyName) ?? { nested: false, each: false };
    byProperty.set(rule.propertyName, {
      nested: seen.nested || rule.type === ValidationTypes.NESTED_VALIDATION,
      each: seen.each || rule.each === true,
    });
  }
  const errors: ValidationError[] = [];
  for (const [property, { nested, each }] of byProperty) {
    const value = (object as Record<string, unknown>)[property];
    if (value === undefined || value === null) continue;
    if (each && !Array.isArray(value)) {
      errors.push({ property, constraints: { isArray: `${property} must be an array` }, children: [] });
    } else if (nested && !each) {
      if (!isObject(value)) errors.push({ property, constraints: { isObject: `${property} must be an object` }, children: [] });
      else {
        const children = shapeErrors(value);
        if (children.length > 0) errors.push({ property, children });
      }
    } else if (nested && Array.isArray(value)) {
      const children = value.flatMap((item: unknown, index): ValidationError[] => {
        if (!isObject(item)) return [{ property: String(index), constraints: { isObject: `each value in ${property} must be an object` }, children: [] }];
        const inner = shapeErrors(item);
        return inner.length > 0 ? [{ property: String(index), children: inner }] : [];
      });
      if (children.length > 0) errors.push({ property, children });
    }
  }
  return errors;
}

/** Nest's pipe, with the shape errors above added to class-validator's. */
class BeaconValidationPipe extends ValidationPipe {
  protected override async validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> {
    return [...shapeErrors(object), ...(await super.validate(object, validatorOptions))];
  }
}

/** The one validation pipe: strips nothing silently — unknown fields are refused. */
export function createValidationPipe(): ValidationPipe {
  return new BeaconValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => invalidRequest(fieldProblems(errors)),
  });
}
