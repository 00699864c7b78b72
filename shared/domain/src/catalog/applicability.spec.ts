import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  applicableRequirements,
  appliesTo,
  describeApplicability,
  formatApplicability,
  isRequirementApplicable,
} from './applicability';
import { profileWith } from './catalog.test-fixtures';
import type { ApplicabilityExpression, FrameworkDefinition, RequirementDefinition } from './catalog.types';
import { frameworkRequirements } from './framework-navigation';
import type { ServiceFeature } from './service-profile';
import { SERVICE_FEATURES } from './service-profile';

describe('appliesTo', () => {
  it.each<[string, ApplicabilityExpression | undefined, ServiceFeature[], boolean]>([
    ['no expression, empty profile', undefined, [], true],
    ['a feature the service has', 'messaging', ['messaging'], true],
    ['a feature the service lacks', 'messaging', ['search'], false],
    [
      'all, every feature present',
      { all: ['messaging', 'under18Accounts'] },
      ['messaging', 'under18Accounts'],
      true,
    ],
    ['all, one feature missing', { all: ['messaging', 'under18Accounts'] }, ['messaging'], false],
    ['any, one feature present', { any: ['userMedia', 'fileStorage'] }, ['fileStorage'], true],
    ['any, no feature present', { any: ['userMedia', 'fileStorage'] }, ['search'], false],
    ['not, feature absent', { not: 'endToEndEncryption' }, [], true],
    ['not, feature present', { not: 'endToEndEncryption' }, ['endToEndEncryption'], false],
    [
      'nested all/any, US provider with messaging',
      { all: ['usReportingDuty', { any: ['userMedia', 'messaging'] }] },
      ['usReportingDuty', 'messaging'],
      true,
    ],
    [
      'nested all/any, US provider without media or messaging',
      { all: ['usReportingDuty', { any: ['userMedia', 'messaging'] }] },
      ['usReportingDuty', 'search'],
      false,
    ],
    [
      'nested all/any, media but no US duty',
      { all: ['usReportingDuty', { any: ['userMedia', 'messaging'] }] },
      ['userMedia'],
      false,
    ],
    ['not around any', { not: { any: ['search', 'appStore'] } }, ['messaging'], true],
    ['any with a not inside', { any: ['search', { not: 'userMedia' }] }, ['userMedia'], false],
    [
      'deep nesting',
      { all: [{ any: ['livestreaming', { all: ['generativeAi', { not: 'deviceMaker' }] }] }] },
      ['generativeAi'],
      true,
    ],
  ])('%s', (_name, expression, features, expected) => {
    expect(appliesTo(expression, profileWith(...features))).toBe(expected);
  });
});

describe('describeApplicability and formatApplicability', () => {
  const expression: ApplicabilityExpression = {
    all: ['usReportingDuty', { any: ['userMedia', 'messaging', 'userMedia'] }],
  };

  it('lists each feature once, in order of appearance', () => {
    expect(describeApplicability(expression)).toEqual(['usReportingDuty', 'userMedia', 'messaging']);
    expect(describeApplicability(undefined)).toEqual([]);
    expect(describeApplicability({ not: 'search' })).toEqual(['search']);
  });

  it('reads as a sentence in both languages', () => {
    expect(formatApplicability({ all: ['under18Accounts', 'messaging'] }, 'en')).toBe(
      'Under-18 users and User-to-user messaging',
    );
    expect(formatApplicability({ all: ['search', { any: ['appStore', { not: 'userMedia' }] }] }, 'fr')).toBe(
      "Moteur de recherche et (Magasin d'applications ou sans Images ou vidéos des utilisateurs)",
    );
    expect(formatApplicability(undefined, 'fr')).toBe('Tous les services');
  });
});

describe('applicability of the shipped requirements', () => {
  const frameworksFolder = join(__dirname, '..', '..', '..', 'catalog', 'frameworks');
  const requirements = new Map<string, RequirementDefinition>();
  for (const slug of [
    'ncmec-safety-by-design',
    'ncmec-minimum-safety-measures',
    'ncmec-platform-positions',
    'five-country-voluntary-principles',
    'c3p-changing-the-paradigm',
  ]) {
    const framework = parse(
      readFileSync(join(frameworksFolder, `${slug}@1.0.0.yaml`), 'utf8'),
    ) as FrameworkDefinition;
    for (const requirement of frameworkRequirements(framework))
      requirements.set(requirement.key, requirement);
  }
  const requirement = (key: string): RequirementDefinition => {
    const found = requirements.get(key);
    if (!found) throw new Error(`requirement ${key} is not shipped`);
    return found;
  };

  it.each<[string, ServiceFeature[], boolean]>([
    ['MSM-1', ['userMedia'], true],
    ['MSM-1', ['fileStorage'], true],
    ['MSM-1', ['messaging'], false],
    ['MSM-4', ['livestreaming'], true],
    ['MSM-4', ['userMedia'], false],
    ['E2EE-1', ['messaging', 'userMedia'], false],
    ['E2EE-1', ['endToEndEncryption'], true],
    ['E2EE-3', ['endToEndEncryption'], false],
    ['E2EE-3', ['endToEndEncryption', 'under18Accounts'], true],
    ['SBD-N-2', ['under18Accounts'], false],
    ['SBD-N-2', ['under18Accounts', 'messaging'], true],
    ['RPT-1', ['usReportingDuty'], false],
    ['RPT-1', ['usReportingDuty', 'messaging'], true],
    ['RPT-1', ['userMedia'], false],
    ['VP-6', ['search'], true],
    ['VP-6', ['userMedia'], false],
    ['SBD-N-D1', ['deviceMaker'], true],
    ['SBD-N-D1', ['userMedia', 'messaging'], false],
    ['C3P-2', ['fileStorage'], true],
  ])('%s with %j applies: %s', (key, features, expected) => {
    expect(isRequirementApplicable(requirement(key), profileWith(...features))).toBe(expected);
  });

  it.each(['ORG-1', 'ORG-2', 'ORG-3', 'GAIC-1', 'VP-4', 'VP-9', 'VP-10', 'VP-11'])(
    '%s applies to every profile',
    (key) => {
      expect(isRequirementApplicable(requirement(key), profileWith())).toBe(true);
      expect(isRequirementApplicable(requirement(key), profileWith(...SERVICE_FEATURES))).toBe(true);
    },
  );

  it('keeps only the requirements that apply to the profile', () => {
    const framework = parse(
      readFileSync(join(frameworksFolder, 'ncmec-platform-positions@1.0.0.yaml'), 'utf8'),
    ) as FrameworkDefinition;
    const keys = applicableRequirements(framework, profileWith()).map((found) => found.key);
    expect(keys).toEqual(['GAIC-1', 'ORG-1', 'ORG-2', 'ORG-3']);
    expect(applicableRequirements(framework, profileWith(...SERVICE_FEATURES))).toHaveLength(
      frameworkRequirements(framework).length,
    );
  });
});
