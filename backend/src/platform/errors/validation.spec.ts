import 'reflect-metadata';
import type { ValidationError } from '@nestjs/common';
import { CreateAssessmentDto, SubmitAssessmentDto, type FieldProblem } from '@beacon/contracts';
import { AppException } from './app.exception';
import { createValidationPipe, fieldProblems } from './validation';

describe('fieldProblems', () => {
  it('flattens nested errors with dotted and indexed paths', () => {
    const errors = [
      { property: 'title', constraints: { isString: 'title must be a string' }, children: [] },
      {
        property: 'frameworks',
        children: [{ property: '0', children: [{ property: 'slug', constraints: { isNotEmpty: 'slug should not be empty' } }] }],
      },
    ] as unknown as ValidationError[];
    expect(fieldProblems(errors)).toEqual([
      { field: 'title', reasons: ['title must be a string'] },
      { field: 'frameworks[0].slug', reasons: ['slug should not be empty'] },
    ]);
  });
});

describe('the validation pipe', () => {
  const pipe = createValidationPipe();
  const frameworks = [{ slug: 'ncmec-minimum-safety-measures', version: '1.0.0' }];

  async function problems(metatype: new () => object, value: unknown): Promise<FieldProblem[]> {
    const error: unknown = await pipe.transform(value, { type: 'body', metatype }).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof AppException)) throw new Error(`expected a validation error, got ${String(error)}`);
    return error.details as FieldProblem[];
  }

  it('passes a well-formed body', async () => {
    await expect(pipe.transform({ title: 'Annual review', frameworks, profile: {} }, { type: 'body', metatype: CreateAssessmentDto })).resolves.toBeInstanceOf(
      CreateAssessmentDto,
    );
  });

  it.each([
    ['an array inside the array of frameworks', [[]], 'frameworks[0]'],
    ['a framework wrapped in an array', [frameworks], 'frameworks[0]'],
    ['an object instead of the array', { 0: frameworks[0] }, 'frameworks'],
  ])('refuses %s, naming the field', async (_what, value, field) => {
    const found = await problems(CreateAssessmentDto, { title: 'Annual review', frameworks: value, profile: {} });
    expect(found.map((p) => p.field)).toContain(field);
  });

  it.each([
    ['an empty array', []],
    ['an array holding the attestation', [{ name: 'Ann Smith', title: 'CEO', statement: 'I attest these answers.' }]],
    ['a string', 'yes'],
  ])('refuses %s where one nested object is expected', async (_what, attestation) => {
    const found = await problems(SubmitAssessmentDto, { attestation });
    expect(found.map((p) => p.field)).toContain('attestation');
  });
});
