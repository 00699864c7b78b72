import { AppException, type ErrorKind, HTTP_STATUS_OF, InEachLocale } from './app.exception';
import { defineErrors } from './define-errors';
import { fieldRefusal } from './field-refusal';

class ThingsException extends AppException {}

const thingError = defineErrors(ThingsException, {
  THING_NOT_FOUND: 'not-found',
  THING_LOCKED: 'conflict',
  THING_TOO_BIG: 'payload-too-large',
  TOO_MANY_THINGS: 'rate-limited',
});

describe('defineErrors', () => {
  it.each<[string, ErrorKind, number]>([
    ['THING_NOT_FOUND', 'not-found', 404],
    ['THING_LOCKED', 'conflict', 409],
    ['THING_TOO_BIG', 'payload-too-large', 413],
    ['TOO_MANY_THINGS', 'rate-limited', 429],
  ])('gives %s the category of its table entry (%s → HTTP %i)', (code, kind, status) => {
    const error = thingError(code as keyof typeof thingError.table, 'Something about a thing.');
    expect(error).toBeInstanceOf(ThingsException);
    expect(error).toMatchObject({ kind, code, message: 'Something about a thing.', name: 'ThingsException' });
    expect(HTTP_STATUS_OF[error.kind]).toBe(status);
  });

  it('keeps the details and the seconds to wait', () => {
    const error = thingError('TOO_MANY_THINGS', 'Slow down.', { limit: 5 }, 30);
    expect(error).toMatchObject({ details: { limit: 5 }, retryAfterSeconds: 30 });
  });

  it('carries a message and details written in each language, English by default', () => {
    const message = InEachLocale.of((locale) => (locale === 'fr' ? 'Chose verrouillée.' : 'Thing locked.'));
    const details = InEachLocale.of((locale) => ({ lockedBy: locale === 'fr' ? 'quelqu’un' : 'someone' }));
    const error = thingError('THING_LOCKED', message, details);
    expect(error).toMatchObject({ kind: 'conflict', message: 'Thing locked.', details: { lockedBy: 'someone' } });
    expect([error.messageIn('en'), error.messageIn('fr')]).toEqual(['Thing locked.', 'Chose verrouillée.']);
    expect(error.detailsIn('fr')).toEqual({ lockedBy: 'quelqu’un' });
    const plain = thingError('THING_LOCKED', 'Thing locked.', { lockedBy: 'someone' });
    expect([plain.messageIn('fr'), plain.detailsIn('fr')]).toEqual(['Thing locked.', { lockedBy: 'someone' }]);
  });

  it('writes a field refused by a domain rule in each language, with its code and parameters', () => {
    const refused = fieldRefusal({
      field: 'size',
      rule: 'range',
      problem: { code: 'NUMBER_TOO_LARGE', params: { value: 9, max: 5 } },
      questionKey: 'Q-1',
      write: (locale) => (locale === 'fr' ? '9 dépasse 5' : '9 is above 5'),
    });
    const error = thingError('THING_TOO_BIG', refused.message, refused.details);
    const field = { field: 'size', rule: 'range', questionKey: 'Q-1', code: 'NUMBER_TOO_LARGE', params: { value: 9, max: 5 } };
    expect([error.messageIn('en'), error.detailsIn('en')]).toEqual(['9 is above 5', [{ ...field, reasons: ['9 is above 5'] }]]);
    expect([error.messageIn('fr'), error.detailsIn('fr')]).toEqual(['9 dépasse 5', [{ ...field, reasons: ['9 dépasse 5'] }]]);
  });

  it('refuses the fields of a request with any of its codes as a 400', () => {
    const fields = [{ field: 'thingId', reasons: ['no such thing'] }];
    const error = thingError.invalid('THING_NOT_FOUND', 'No such thing.', fields);
    expect(error).toMatchObject({ kind: 'validation', code: 'THING_NOT_FOUND', details: fields });
    expect(HTTP_STATUS_OF[error.kind]).toBe(400);
  });

  it('lends entries to another table, which then throws them with their category and its own class', () => {
    class OthersException extends AppException {}
    const otherError = defineErrors(OthersException, { ...thingError.pick('THING_NOT_FOUND'), OTHER_BROKEN: 'unprocessable' });
    expect(otherError.table).toEqual({ THING_NOT_FOUND: 'not-found', OTHER_BROKEN: 'unprocessable' });
    const error = otherError('THING_NOT_FOUND', 'No such thing.');
    expect(error).toBeInstanceOf(OthersException);
    expect(error.kind).toBe('not-found');
    // @ts-expect-error: not lent, so not a code of this table
    expect(() => otherError('THING_LOCKED', 'Locked.')).toThrow(TypeError);
  });

  it('names each code as a value', () => {
    expect(thingError.codes).toEqual({
      THING_NOT_FOUND: 'THING_NOT_FOUND',
      THING_LOCKED: 'THING_LOCKED',
      THING_TOO_BIG: 'THING_TOO_BIG',
      TOO_MANY_THINGS: 'TOO_MANY_THINGS',
    });
  });

  it('accepts only the codes of its table', () => {
    // @ts-expect-error: not a code of this table
    const unknown = () => thingError('THING_MISSING', 'No such thing.');
    // @ts-expect-error: a category is not a code either
    const category = () => thingError('not-found', 'No such thing.');
    // The compiler refuses both; were they forced through, the table has no category for them.
    expect(unknown).toThrow(TypeError);
    expect(category).toThrow(TypeError);
  });
});
