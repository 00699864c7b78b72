import type { ValidationError } from '@nestjs/common';
import { fieldProblems } from './validation';

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
