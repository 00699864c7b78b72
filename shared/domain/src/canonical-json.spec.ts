import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same string for objects built in a different order', () => {
    const one = { x: 1, y: { p: 'a', q: 'b' } };
    const two = { y: { q: 'b', p: 'a' }, x: 1 };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
  });

  it('drops undefined properties like JSON does and keeps array order', () => {
    expect(canonicalJson({ a: undefined, b: [3, 1, 2] })).toBe('{"b":[3,1,2]}');
  });
});
