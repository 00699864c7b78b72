import { inputProblems, MAX_INPUT_DEPTH, pathProblems } from './request-input';

/** `levels` arrays, one inside the other. */
const nestedArrays = (levels: number): unknown => JSON.parse('['.repeat(levels) + ']'.repeat(levels));

describe('inputProblems', () => {
  it('accepts ordinary input, including characters outside the BMP written as surrogate pairs', () => {
    expect(inputProblems({ title: 'Revue annuelle 🛡️', frameworks: [{ slug: 'a', version: '1.0.0' }], n: 3, ok: true, none: null })).toEqual([]);
    expect(inputProblems(undefined)).toEqual([]);
  });

  it(`accepts ${MAX_INPUT_DEPTH} levels of nesting and refuses one more, naming where`, () => {
    expect(inputProblems(nestedArrays(MAX_INPUT_DEPTH))).toEqual([]);
    const problems = inputProblems(nestedArrays(MAX_INPUT_DEPTH + 1));
    expect(problems).toEqual([{ field: `${'[0]'.repeat(MAX_INPUT_DEPTH)}`, reasons: [`is nested deeper than ${MAX_INPUT_DEPTH} levels`] }]);
    expect(inputProblems({ profile: { a: { b: nestedArrays(MAX_INPUT_DEPTH) } } })[0]!.field).toMatch(/^profile\.a\.b(\[0\])+$/);
  });

  it('refuses 10 kB of nested brackets without overflowing the stack', () => {
    const problems = inputProblems(nestedArrays(5000));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.reasons[0]).toContain('nested deeper');
  });

  it('refuses U+0000 and lone surrogates in any string, at any depth, with the field path', () => {
    expect(inputProblems({ email: 'a\udfff@example.test' })).toEqual([
      { field: 'email', reasons: ['contains a lone UTF-16 surrogate, which is not valid Unicode'] },
    ]);
    expect(inputProblems({ frameworks: [{ slug: 'ok' }, { slug: 'x\u0000' }] })).toEqual([
      { field: 'frameworks[1].slug', reasons: ['contains U+0000 (NUL), which is not accepted'] },
    ]);
    // A high surrogate alone, a low one alone, and a pair in the wrong order.
    for (const text of ['\ud800', 'x\ud83dy', '\udc00x', '\ude00\ud83d']) expect(inputProblems({ t: text })).toHaveLength(1);
  });

  it('refuses invalid Unicode in keys, echoing the key escaped', () => {
    expect(inputProblems({ a: { 'b\udfff': 1 } })).toEqual([{ field: 'a.b\\udfff', reasons: ['key contains a lone UTF-16 surrogate, which is not valid Unicode'] }]);
  });

  it('refuses __proto__, constructor and prototype keys anywhere', () => {
    const body = JSON.parse('{"__proto__":{"admin":true},"a":[{"constructor":{"prototype":{}}}],"b":{"prototype":1}}') as unknown;
    expect(inputProblems(body)).toEqual([
      { field: '__proto__', reasons: ['the key "__proto__" is not accepted'] },
      { field: 'a[0].constructor', reasons: ['the key "constructor" is not accepted'] },
      { field: 'b.prototype', reasons: ['the key "prototype" is not accepted'] },
    ]);
  });

  it('writes fields under the given root, and lists 20 problems at most', () => {
    expect(inputProblems({ q: 'x\u0000' }, 'query')).toEqual([{ field: 'query.q', reasons: ['contains U+0000 (NUL), which is not accepted'] }]);
    expect(inputProblems(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(20);
  });
});

describe('pathProblems', () => {
  it('accepts ordinary and percent-encoded UTF-8 paths', () => {
    expect(pathProblems('/api/v1/frameworks/caf%C3%A9/versions/1.0.0')).toEqual([]);
  });

  it('refuses an encoded U+0000, an encoded surrogate and broken percent-encoding', () => {
    for (const path of ['/api/v1/frameworks/a%00b', '/api/v1/frameworks/a%ED%BF%BFb', '/api/v1/frameworks/a%E0b', '/api/v1/x/%']) {
      expect(pathProblems(path)).toEqual([{ field: 'path', reasons: [expect.any(String) as string] }]);
    }
  });
});
