import type { ParameterObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, ValidationTypes } from 'class-validator';

/** A request DTO: a class-validator class of @beacon/contracts. */
export type DtoClass = new () => object;

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/**
 * What each class-validator rule says about a value, in OpenAPI terms. A rule missing here is
 * listed in `undescribed` (the document's test fails on it), so no rule goes unpublished unnoticed.
 */
const RULES: Record<string, (constraints: unknown[]) => SchemaObject> = {
  isString: () => ({ type: 'string' }),
  isInt: () => ({ type: 'integer' }),
  isObject: () => ({ type: 'object' }),
  isUuid: () => ({ type: 'string', format: 'uuid' }),
  isEmail: () => ({ type: 'string', format: 'email' }),
  isUrl: () => ({ type: 'string', format: 'uri' }),
  isBoolean: () => ({ type: 'boolean' }),
  isNumber: () => ({ type: 'number' }),
  isIso8601: () => ({ type: 'string', format: 'date-time' }),
  isIn: ([values]) => enumSchema(values as readonly unknown[]),
  matches: ([pattern]) => ({ type: 'string', pattern: pattern instanceof RegExp ? pattern.source : String(pattern) }),
  isLength: ([min, max]) => ({ minLength: min as number, ...(typeof max === 'number' ? { maxLength: max } : {}) }),
  minLength: ([min]) => ({ minLength: min as number }),
  maxLength: ([max]) => ({ maxLength: max as number }),
  min: ([min]) => ({ minimum: min as number }),
  max: ([max]) => ({ maximum: max as number }),
};
/** Rules on the array itself, not on its items. */
const ARRAY_RULES: Record<string, (constraints: unknown[]) => SchemaObject> = {
  arrayMinSize: ([n]) => ({ minItems: n as number }),
  arrayMaxSize: ([n]) => ({ maxItems: n as number }),
  isArray: () => ({}),
};

function enumSchema(values: readonly unknown[]): SchemaObject {
  const types = new Set(values.map((v) => typeof v));
  const type = types.size === 1 ? [...types][0] : undefined;
  return { ...(type === 'string' || type === 'number' || type === 'boolean' ? { type } : {}), enum: [...values] };
}

/**
 * OpenAPI schemas of the request DTOs, read from their class-validator metadata: the rules the
 * validation pipe enforces are exactly the ones published. Nested DTOs become components.
 */
export class RequestSchemas {
  readonly components: Record<string, SchemaObject> = {};
  /** Rules met that `RULES` cannot describe (`Dto.field: rule`): published without them. */
  readonly undescribed: string[] = [];
  private readonly described = new Map<string, DtoClass>();

  /** A reference to the DTO's component, described on first use. */
  ref(dto: DtoClass): ReferenceObject {
    const known = this.described.get(dto.name);
    if (known && known !== dto) throw new Error(`Two request DTOs are named ${dto.name}`);
    if (!known) {
      this.described.set(dto.name, dto);
      this.components[dto.name] = this.object(dto);
    }
    return { $ref: `#/components/schemas/${dto.name}` };
  }

  /** The DTO's fields as path or query parameters (`@Param() dto`, `@Query() dto`). */
  parameters(dto: DtoClass, location: 'path' | 'query'): ParameterObject[] {
    const object = this.object(dto);
    return Object.entries(object.properties ?? {}).map(([name, schema]) => {
      const { nullable: _nullable, ...plain } = schema as SchemaObject;
      return { name, in: location, required: location === 'path' || (object.required ?? []).includes(name), schema: plain };
    });
  }

  /** The DTO as an object schema: its fields, which are required, and no others (unknown fields get 400). */
  object(dto: DtoClass): SchemaObject {
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const metadata of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
      byProperty.set(metadata.propertyName, [...(byProperty.get(metadata.propertyName) ?? []), metadata]);
    }
    const properties: Record<string, SchemaObject | ReferenceObject> = {};
    const required: string[] = [];
    for (const [property, rules] of byProperty) {
      const optional = rules.some((r) => r.type === ValidationTypes.CONDITIONAL_VALIDATION && r.name === 'isOptional');
      properties[property] = this.property(dto, property, rules, optional);
      if (!optional) required.push(property);
    }
    return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
  }

  private property(dto: DtoClass, property: string, rules: ValidationMetadata[], optional: boolean): SchemaObject | ReferenceObject {
    let value: SchemaObject = {};
    let array: SchemaObject | undefined;
    let nested: ReferenceObject | undefined;
    for (const rule of rules) {
      if (rule.type === ValidationTypes.NESTED_VALIDATION) {
        nested = this.ref(nestedClass(dto, property, rule.each));
        if (rule.each) array = { type: 'array', ...array };
        continue;
      }
      if (rule.type === ValidationTypes.CONDITIONAL_VALIDATION && rule.name === 'isOptional') continue;
      if (rule.type === ValidationTypes.IS_DEFINED || rule.type === ValidationTypes.WHITELIST) continue;
      const name = rule.name ?? rule.type;
      const arrayRule = ARRAY_RULES[name];
      if (arrayRule) {
        array = { type: 'array', ...array, ...arrayRule(rule.constraints) };
        continue;
      }
      const describe = RULES[name];
      if (rule.each) array = { type: 'array', ...array };
      if (describe) value = { ...value, ...describe(rule.constraints) };
      else if (!this.undescribed.includes(`${dto.name}.${property}: ${name}`)) this.undescribed.push(`${dto.name}.${property}: ${name}`);
    }
    const item: SchemaObject | ReferenceObject = nested ?? value;
    const schema: SchemaObject | ReferenceObject = array ? { ...array, items: item } : item;
    if (!optional) return schema;
    // class-validator's @IsOptional lets null through as well as a missing field.
    return '$ref' in schema ? { allOf: [schema], nullable: true } : { ...schema, nullable: true };
  }
}

/** The class class-transformer builds for a nested field (`@Type(() => X)`), asked of class-transformer itself. */
function nestedClass(dto: DtoClass, property: string, each: boolean): DtoClass {
  const probe = plainToInstance(dto, { [property]: each ? [{}] : {} }) as Record<string, unknown>;
  const value = each ? (probe[property] as unknown[])[0] : probe[property];
  const type = (value as object | undefined)?.constructor;
  if (!type || type === Object) throw new Error(`OpenAPI: ${dto.name}.${property} is validated as nested but has no @Type(() => Class)`);
  return type as DtoClass;
}
