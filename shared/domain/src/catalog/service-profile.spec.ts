import { profileWith } from './catalog.test-fixtures';
import {
  SERVICE_FEATURES,
  SIZE_BANDS,
  sizeBandForMonthlyActiveUsers,
  validateServiceProfile,
} from './service-profile';

describe('validateServiceProfile', () => {
  it('accepts a complete profile', () => {
    const profile = profileWith('messaging', 'under18Accounts');
    expect(validateServiceProfile(profile)).toEqual({ ok: true, value: profile });
  });

  it('accepts regional language tags such as pt-br', () => {
    expect(validateServiceProfile({ ...profileWith(), languages: ['pt-br', 'zh-hant-tw'] }).ok).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a lower-case country code', { jurisdictions: ['fr'] }, '/jurisdictions/0'],
    ['a three-letter country code', { jurisdictions: ['FRA'] }, '/jurisdictions/0'],
    ['an upper-case language tag', { languages: ['EN'] }, '/languages/0'],
    ['no jurisdictions', { jurisdictions: [] }, '/jurisdictions'],
    ['a repeated language', { languages: ['en', 'en'] }, '/languages'],
    ['an unknown size band', { sizeBand: 'huge' }, '/sizeBand'],
    ['an unknown sector', { sector: 'banking' }, '/sector'],
  ])('rejects %s', (_name, change, path) => {
    const result = validateServiceProfile({ ...profileWith(), ...change });
    expect(result.ok ? [] : result.problems.map((problem) => problem.path)).toContain(path);
  });

  it('requires every feature flag and rejects unknown ones', () => {
    const { messaging: _dropped, ...features } = profileWith().features;
    const result = validateServiceProfile({ ...profileWith(), features: { ...features, chat: true } });
    expect(result.ok ? [] : result.problems).toEqual(
      expect.arrayContaining([
        { path: '/features/messaging', message: 'is required but missing' },
        { path: '/features/chat', message: 'property "chat" is not allowed here' },
      ]),
    );
  });

  it('lists eleven features and four size bands', () => {
    expect(SERVICE_FEATURES).toHaveLength(11);
    expect(SIZE_BANDS).toEqual(['small', 'medium', 'large', 'very-large']);
  });

  it.each([
    [0, 'small'],
    [99_999, 'small'],
    [100_000, 'medium'],
    [4_999_999, 'medium'],
    [5_000_000, 'large'],
    [45_000_000, 'very-large'],
  ])('puts %i monthly users in the %s band', (users, band) => {
    expect(sizeBandForMonthlyActiveUsers(users)).toBe(band);
  });
});
