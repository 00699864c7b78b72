import type { AssessmentSnapshotContent } from '@beacon/contracts';
import { emptyServiceFeatures, type FrameworkDefinition, type MappingSetDefinition, scoreAssessment, type ServiceProfile } from '@beacon/domain';
import { resolve } from 'node:path';
import { readCatalogDirectory } from '../catalog/catalog-files';
import { scoreAssessmentPayloadProblems } from './jobs/score-assessment.handler';
import { documentKey, failureReason, type HashedDocument, readSnapshotContent, ScoringInputError, scoringInputFromSnapshot } from './scoring-input';

const catalog = readCatalogDirectory(resolve(__dirname, '../../../../shared/catalog')).files.map((f) => f.document);
const frameworkDocs = catalog.filter((d): d is FrameworkDefinition => (d as { kind?: string }).kind === 'framework');
const mappingDocs = catalog.filter((d): d is MappingSetDefinition => (d as { kind?: string }).kind === 'mapping-set');
const MSM = frameworkDocs.find((f) => f.slug === 'ncmec-minimum-safety-measures')!;
const FIVE = frameworkDocs.find((f) => f.slug === 'five-country-voluntary-principles')!;
const MSM_TO_FIVE = mappingDocs.find((m) => m.source.framework === MSM.slug && m.target.framework === FIVE.slug)!;

const PROFILE: ServiceProfile = {
  features: { ...emptyServiceFeatures(), userMedia: true, messaging: true, under18Accounts: true },
  sizeBand: 'medium',
  jurisdictions: ['FR'],
  languages: ['en'],
  sector: 'social-media',
};
const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const HASH_M = 'c'.repeat(64);

function snapshot(overrides: Partial<AssessmentSnapshotContent> = {}): AssessmentSnapshotContent {
  return {
    assessmentId: '6f1c1c1e-1111-4111-8111-111111111111',
    revision: 1,
    title: 'Annual review',
    frameworks: [
      { slug: MSM.slug, version: MSM.version, contentHash: HASH_A },
      { slug: FIVE.slug, version: FIVE.version, contentHash: HASH_B },
    ],
    mappingSets: [{ slug: MSM_TO_FIVE.slug, version: MSM_TO_FIVE.version, contentHash: HASH_M }],
    profile: PROFILE,
    answers: [
      { questionKey: 'MSM-1-q1', value: 'yes', note: null, version: 1 },
      { questionKey: 'MSM-2-q1', value: 'no', note: 'not yet', version: 3 },
    ],
    requirementStatuses: [{ requirementKey: 'MSM-3', kind: 'not-applicable', justification: 'We host no user media at all.' }],
    evidence: [],
    assignments: [],
    attestation: { name: 'Ada', title: 'Head of Trust', statement: 'I attest these answers.', userId: 'u', attestedAt: '2026-01-01T00:00:00.000Z' },
    ...overrides,
  };
}

const frameworks = new Map<string, HashedDocument<FrameworkDefinition>>([
  [documentKey(MSM), { contentHash: HASH_A, document: MSM }],
  [documentKey(FIVE), { contentHash: HASH_B, document: FIVE }],
]);
const mappingSets = new Map<string, HashedDocument<MappingSetDefinition>>([[documentKey(MSM_TO_FIVE), { contentHash: HASH_M, document: MSM_TO_FIVE }]]);

describe('scoring input from a snapshot', () => {
  it('rebuilds the engine input: documents in the snapshot order, answers and statuses as records', () => {
    const input = scoringInputFromSnapshot(readSnapshotContent(snapshot()), frameworks, mappingSets);
    expect(input.frameworks).toEqual([MSM, FIVE]);
    expect(input.mappingSets).toEqual([MSM_TO_FIVE]);
    expect(input.profile).toEqual(PROFILE);
    expect(input.answers).toEqual({ 'MSM-1-q1': 'yes', 'MSM-2-q1': 'no' });
    expect(input.requirementStatuses).toEqual({ 'MSM-3': { kind: 'not-applicable', justification: 'We host no user media at all.' } });
    // The engine gives the same result as on the hand-written input.
    const direct = scoreAssessment({
      frameworks: [MSM, FIVE],
      mappingSets: [MSM_TO_FIVE],
      profile: PROFILE,
      answers: { 'MSM-1-q1': 'yes', 'MSM-2-q1': 'no' },
      requirementStatuses: { 'MSM-3': { kind: 'not-applicable', justification: 'We host no user media at all.' } },
    });
    expect(scoreAssessment(input)).toEqual(direct);
  });

  it('treats the lists that old snapshots lack (mapping sets, requirement statuses) as empty', () => {
    const old = snapshot() as Partial<AssessmentSnapshotContent>;
    delete old.mappingSets;
    delete old.requirementStatuses;
    const content = readSnapshotContent(old);
    expect(content.mappingSets).toEqual([]);
    expect(content.requirementStatuses).toEqual([]);
    const input = scoringInputFromSnapshot(content, frameworks, mappingSets);
    expect(input.mappingSets).toEqual([]);
    expect(input.requirementStatuses).toEqual({});
  });

  it('refuses a framework version or mapping set whose content hash is not the submitted one', () => {
    const changed = snapshot({ frameworks: [{ slug: MSM.slug, version: MSM.version, contentHash: HASH_B }] });
    expect(() => scoringInputFromSnapshot(readSnapshotContent(changed), frameworks, mappingSets)).toThrow(ScoringInputError);
    expect(() => scoringInputFromSnapshot(readSnapshotContent(changed), frameworks, mappingSets)).toThrow(
      `The framework version ${MSM.slug}@${MSM.version} changed since the submission`,
    );
    const changedSet = snapshot({ mappingSets: [{ slug: MSM_TO_FIVE.slug, version: MSM_TO_FIVE.version, contentHash: HASH_A }] });
    expect(() => scoringInputFromSnapshot(readSnapshotContent(changedSet), frameworks, mappingSets)).toThrow(/mapping set .* changed since the submission/);
  });

  it('refuses a document the catalogue does not hold', () => {
    const unknown = snapshot({ frameworks: [{ slug: 'no-such-framework', version: '9.9.9', contentHash: HASH_A }] });
    expect(() => scoringInputFromSnapshot(readSnapshotContent(unknown), frameworks, mappingSets)).toThrow(
      'The framework version no-such-framework@9.9.9 of this submission is not in the catalogue.',
    );
  });

  it.each([
    ['no content', null, 'The snapshot has no content.'],
    ['no framework', { ...snapshot(), frameworks: [] }, 'The snapshot names no framework version.'],
    ['a framework without hash', { ...snapshot(), frameworks: [{ slug: 'x', version: '1.0.0' }] }, "The snapshot's frameworks[0] has no slug, version and content hash."],
    ['no profile', { ...snapshot(), profile: null }, 'The snapshot has no service profile.'],
    ['answers not a list', { ...snapshot(), answers: {} }, "The snapshot's answers is not a list."],
    ['an answer without key', { ...snapshot(), answers: [{ value: 'yes' }] }, "The snapshot's answers[0] has no question key and value."],
    ['an unknown status kind', { ...snapshot(), requirementStatuses: [{ requirementKey: 'MSM-1', kind: 'maybe', justification: 'x' }] }, "The snapshot's requirementStatuses[0] is not a requirement status."],
  ])('refuses a snapshot with %s, saying why', (_label, content, message) => {
    expect(() => readSnapshotContent(content)).toThrow(new ScoringInputError(message));
  });

  it('keeps failure reasons on one short line', () => {
    expect(failureReason(new ScoringInputError('The framework changed.'))).toBe('The framework changed.');
    expect(failureReason(new TypeError('cannot read\n  properties'))).toBe('TypeError: cannot read properties');
    expect(failureReason(new Error('x'.repeat(600)))).toHaveLength(498);
  });
});

describe('scoring job payload', () => {
  const valid = {
    correlationId: 'req-1',
    organizationId: '6f1c1c1e-1111-4111-8111-111111111111',
    assessmentId: '6f1c1c1e-2222-4222-8222-222222222222',
    snapshotId: '6f1c1c1e-3333-4333-8333-333333333333',
  };

  it('accepts identifiers only', () => {
    expect(scoreAssessmentPayloadProblems(valid)).toEqual([]);
  });

  it('names every malformed field', () => {
    expect(scoreAssessmentPayloadProblems(null)).toEqual(['payload is not an object']);
    expect(scoreAssessmentPayloadProblems({ ...valid, correlationId: 3, assessmentId: 'not-a-uuid' })).toEqual([
      'correlationId must be a non-empty string',
      'assessmentId must be a UUID',
    ]);
    expect(scoreAssessmentPayloadProblems({ correlationId: 'x' })).toEqual([
      'organizationId must be a UUID',
      'assessmentId must be a UUID',
      'snapshotId must be a UUID',
    ]);
  });
});
