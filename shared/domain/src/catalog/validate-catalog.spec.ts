import { minimalFramework, minimalMappingSet, patched } from './catalog.test-fixtures';
import { validateCatalog } from './validate-catalog';

const source = {
  file: 'frameworks/source-framework@1.0.0.yaml',
  document: minimalFramework('source-framework', 'SRC'),
};
const target = {
  file: 'frameworks/target-framework@1.0.0.yaml',
  document: minimalFramework('target-framework', 'TGT'),
};
const mappings = {
  file: 'mappings/source-framework--target-framework@1.0.0.yaml',
  document: minimalMappingSet(),
};

describe('validateCatalog', () => {
  it('returns the valid frameworks and mapping sets with no problems', () => {
    const result = validateCatalog([mappings, source, target]);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.frameworks.map((framework) => framework.slug)).toEqual([
      'source-framework',
      'target-framework',
    ]);
    expect(result.mappingSets).toHaveLength(1);
  });

  it('reports requirement and question keys reused by another framework', () => {
    const clash = { file: 'frameworks/other@1.0.0.yaml', document: minimalFramework('other', 'SRC') };
    const { problems } = validateCatalog([source, clash]);
    expect(problems).toContainEqual({
      file: clash.file,
      path: '/sections/0/requirements/0/key',
      message:
        'requirement key "SRC-1" is already used by source-framework (frameworks/source-framework@1.0.0.yaml)',
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ file: clash.file, path: '/sections/0/requirements/0/questions/0/key' }),
    );
  });

  it('lets two versions of the same framework share keys', () => {
    const next = {
      file: 'frameworks/source-framework@1.1.0.yaml',
      document: patched(minimalFramework('source-framework', 'SRC'), { set: '/version', value: '1.1.0' }),
    };
    expect(validateCatalog([source, next]).problems).toEqual([]);
  });

  it('reports a framework version defined twice and a file named after the wrong version', () => {
    const copy = {
      file: 'frameworks/copy/source-framework@1.0.0.yaml',
      document: minimalFramework('source-framework', 'SRC'),
    };
    const misnamed = {
      file: 'frameworks/target-framework@2.0.0.yaml',
      document: minimalFramework('target-framework', 'TGT'),
    };
    const { problems } = validateCatalog([source, copy, misnamed]);
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          file: copy.file,
          path: '/version',
          message: 'source-framework@1.0.0 is already defined in frameworks/source-framework@1.0.0.yaml',
        },
        { file: misnamed.file, path: '/slug', message: 'file name should be "target-framework@1.0.0.yaml"' },
      ]),
    );
  });

  it('reports unknown kinds and mapping sets whose frameworks are missing or invalid', () => {
    const broken = { ...target, document: patched(target.document, { remove: '/title' }) };
    const { ok, problems, frameworks } = validateCatalog([
      { file: 'notes.yaml', document: { kind: 'notes' } },
      source,
      broken,
      mappings,
    ]);
    expect(ok).toBe(false);
    expect(frameworks).toHaveLength(1);
    expect(problems).toEqual(
      expect.arrayContaining([
        { file: 'notes.yaml', path: '/kind', message: 'must be "framework" or "mapping-set"' },
        { file: broken.file, path: '/title', message: 'is required but missing' },
        {
          file: mappings.file,
          path: '/target',
          message: 'framework version target-framework@1.0.0 is not in the catalogue (or is invalid)',
        },
      ]),
    );
  });

  it('never throws, whatever it is given', () => {
    const garbage = [null, 'text', 7, [], { kind: 'framework' }, { kind: 'mapping-set', mappings: 'x' }].map(
      (document, index) => ({
        file: `garbage-${index}.yaml`,
        document,
      }),
    );
    expect(() => validateCatalog(garbage)).not.toThrow();
    expect(validateCatalog(garbage).problems.length).toBeGreaterThanOrEqual(garbage.length);
  });
});
