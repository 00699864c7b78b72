import type { Patch } from './catalog.test-fixtures';
import { minimalFramework, minimalMappingSet, patched } from './catalog.test-fixtures';
import type { FrameworkDefinition } from './catalog.types';
import { frameworkVersionKey } from './framework-navigation';
import { validateMappingSet } from './validate-mapping-set';

const FILE = 'mappings/source-framework--target-framework@1.0.0.yaml';

function frameworks(...list: FrameworkDefinition[]): Map<string, FrameworkDefinition> {
  return new Map(
    list.map((framework) => [frameworkVersionKey(framework.slug, framework.version), framework]),
  );
}

const catalogue = frameworks(
  minimalFramework('source-framework', 'SRC'),
  minimalFramework('target-framework', 'TGT'),
);

describe('validateMappingSet', () => {
  it('accepts a mapping set whose references exist', () => {
    expect(validateMappingSet(minimalMappingSet(), catalogue, FILE)).toEqual({
      ok: true,
      value: minimalMappingSet(),
    });
  });

  it.each<[string, Patch[], string, RegExp]>([
    [
      'an unknown source framework version',
      [{ set: '/source/version', value: '2.0.0' }],
      '/source',
      /source-framework@2.0.0 is not in the catalogue/,
    ],
    [
      'an unknown target framework',
      [{ set: '/target/framework', value: 'nowhere' }],
      '/target',
      /nowhere@1.0.0 is not in the catalogue/,
    ],
    [
      'an unknown source requirement',
      [{ set: '/mappings/0/source', value: 'SRC-9' }],
      '/mappings/0/source',
      /"SRC-9" does not exist in source-framework@1.0.0/,
    ],
    [
      'an unknown target requirement',
      [{ set: '/mappings/0/target', value: 'TGT-7' }],
      '/mappings/0/target',
      /"TGT-7" does not exist in target-framework@1.0.0/,
    ],
    [
      'a duplicate pair',
      [{ set: '/mappings/1', value: { ...minimalMappingSet().mappings[0], strength: 3 } }],
      '/mappings/1',
      /duplicate mapping SRC-1 -> TGT-1 \(first at \/mappings\/0\)/,
    ],
    [
      'a slug that does not name both frameworks',
      [{ set: '/slug', value: 'source-framework--other' }],
      '/slug',
      /must be "source-framework--target-framework"/,
    ],
    [
      'a strength above 10',
      [{ set: '/mappings/0/strength', value: 11 }],
      '/mappings/0/strength',
      /must be <= 10/,
    ],
    [
      'an unknown relationship',
      [{ set: '/mappings/0/relationship', value: 'related' }],
      '/mappings/0/relationship',
      /must be one of: equal, subset, superset, intersect/,
    ],
    ['a missing rationale', [{ remove: '/mappings/0/rationale' }], '/mappings/0/rationale', /required/],
  ])('reports %s', (_name, patches, path, message) => {
    const result = validateMappingSet(patched(minimalMappingSet(), ...patches), catalogue, FILE);
    expect(result.ok ? [] : result.problems).toContainEqual({
      file: FILE,
      path,
      message: expect.stringMatching(message) as unknown,
    });
  });

  it('allows the same source mapped to several targets', () => {
    const document = patched(minimalMappingSet(), {
      set: '/mappings/1',
      value: { ...minimalMappingSet().mappings[0], target: 'TGT-2' },
    });
    expect(validateMappingSet(document, catalogue, FILE).ok).toBe(true);
  });
});
