import { type ServiceFeature } from '@beacon/domain';
import { filterFramework, formatFeatures, isShown, parseFeatures, profileWith } from './applicability-filter';
import { msmFramework, requirement } from './catalog-test-data';

describe('applicability filter', () => {
  const livestreamingOnly = requirement('LIVE', { applicability: 'livestreaming' });
  const e2ee = requirement('E2EE', { applicability: 'endToEndEncryption' });
  const everyService = requirement('ALL');
  const messagingWithE2ee = requirement('MSG-E2EE', {
    applicability: { all: ['messaging', 'endToEndEncryption'] },
  });
  const notForAppStores = requirement('NOT-STORE', { applicability: { not: 'appStore' } });

  it.each<[string, ServiceFeature[], string[]]>([
    ['no features: everything', [], ['LIVE', 'E2EE', 'ALL', 'MSG-E2EE', 'NOT-STORE']],
    ['livestreaming only', ['livestreaming'], ['LIVE', 'ALL', 'NOT-STORE']],
    ['end-to-end encryption only', ['endToEndEncryption'], ['E2EE', 'ALL', 'NOT-STORE']],
    ['messaging and E2EE', ['messaging', 'endToEndEncryption'], ['E2EE', 'ALL', 'MSG-E2EE', 'NOT-STORE']],
    ['app store only', ['appStore'], ['ALL']],
  ])('%s', (_name, features, expected) => {
    const shown = [livestreamingOnly, e2ee, everyService, messagingWithE2ee, notForAppStores]
      .filter((candidate) => isShown(candidate, features))
      .map((candidate) => candidate.key);
    expect(shown).toEqual(expected);
  });

  it('builds a profile with exactly the selected features', () => {
    const { features } = profileWith(['livestreaming', 'messaging']);
    expect(
      Object.entries(features)
        .filter(([, on]) => on)
        .map(([feature]) => feature),
    ).toEqual(['livestreaming', 'messaging']);
  });

  describe('filterFramework', () => {
    it('keeps every section and requirement without a filter', () => {
      const result = filterFramework(msmFramework(), []);
      expect(result).toMatchObject({ shown: 6, total: 6 });
      expect(result.sections.map((entry) => entry.section.key)).toEqual([
        'detection',
        'high-risk-surfaces',
        'response',
      ]);
    });

    it('keeps the requirements a livestreaming service needs and drops empty sections', () => {
      const result = filterFramework(msmFramework(), ['livestreaming']);
      expect(result).toMatchObject({ shown: 3, total: 6 });
      expect(result.sections.map((entry) => entry.requirements.map((kept) => kept.key))).toEqual([
        ['MSM-1'],
        ['MSM-4'],
        ['MSM-7'],
      ]);
    });
  });

  it.each<[string | null, ServiceFeature[]]>([
    [null, []],
    ['', []],
    ['messaging,livestreaming', ['livestreaming', 'messaging']],
    ['livestreaming,bogus,livestreaming', ['livestreaming']],
  ])('parses ?features=%p', (value, expected) => {
    expect(parseFeatures(value)).toEqual(expected);
  });

  it('formats the query value in catalogue order, or null for none', () => {
    expect(formatFeatures(['messaging', 'livestreaming'])).toBe('livestreaming,messaging');
    expect(formatFeatures([])).toBeNull();
  });
});
