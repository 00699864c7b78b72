import { canonicalJson, emptyServiceFeatures } from '@beacon/domain';
import { FIXTURE_ORGANIZATION, fixtureCatalog, fixtureModel, fixtureSubmission, HOSTILE_NOTE } from '../reports.test-fixtures';
import { buildReportModel, formatAnswer } from './report-model';
import { readReportSnapshot, ReportInputError } from './report-snapshot';

describe('buildReportModel', () => {
  it('is a pure function: the same input gives the same canonical JSON', () => {
    expect(canonicalJson(fixtureModel('en'))).toBe(canonicalJson(fixtureModel('en')));
    expect(canonicalJson(fixtureModel('en'))).not.toBe(canonicalJson(fixtureModel('fr')));
  });

  it('carries the submission, the organization, the scores and the report metadata', () => {
    const { score } = fixtureSubmission();
    const model = fixtureModel('en');
    expect(model.organization.name).toBe(FIXTURE_ORGANIZATION);
    expect(model.report).toMatchObject({ id: '22222222-2222-4222-8222-222222222222', issuedAt: '2025-07-01T08:00:00.000Z', locale: 'en', generator: 'Beacon' });
    expect(model.assessment).toMatchObject({ snapshotId: '44444444-4444-4444-8444-444444444444', revision: 2 });
    expect(model.frameworks.map((f) => [f.slug, f.score, f.rating?.key ?? null])).toEqual(
      score.frameworks.map((f) => [f.slug, f.score, f.rating?.key ?? null]),
    );
    const requirements = model.frameworks.flatMap((f) => f.requirements);
    expect(requirements).toHaveLength(score.frameworks.reduce((n, f) => n + f.requirements.length, 0));
    // Answers with their notes, in the report's language.
    const withHostileNote = requirements.flatMap((r) => r.questions).find((q) => q.note === HOSTILE_NOTE);
    expect(withHostileNote?.answer).toEqual(expect.any(String));
    expect(model.summary.criticalFailures).toBe(score.frameworks.reduce((n, f) => n + f.criticalFailures.length, 0));
  });

  it('orders one remediation plan across frameworks: critical gaps first, then priority, with owners', () => {
    const model = fixtureModel('en');
    const plan = model.remediationPlan;
    expect(plan.length).toBeGreaterThan(3);
    expect(plan.map((p) => p.rank)).toEqual(plan.map((_, i) => i + 1));
    const firstNonCritical = plan.findIndex((p) => !p.critical);
    if (firstNonCritical >= 0) expect(plan.slice(firstNonCritical).every((p) => !p.critical)).toBe(true);
    for (let i = 1; i < plan.length; i += 1) {
      if (plan[i]!.critical === plan[i - 1]!.critical) expect(plan[i]!.priority).toBeLessThanOrEqual(plan[i - 1]!.priority);
    }
    const owned = plan.find((p) => p.owner !== null);
    expect(owned?.owner?.name).toMatch(/Amélie Dupré|Jordan Lee/);
    // Each gap's recommendation also shows on its requirement.
    const requirement = model.frameworks.flatMap((f) => f.requirements).find((r) => r.key === plan[0]!.requirementKey);
    expect(requirement?.recommendation).toBe(plan[0]!.recommendation);
  });

  it('lists what the profile made not applicable, with the applicability in the report language', () => {
    const frameworks = fixtureCatalog().frameworks.filter((f) => f.slug === 'ncmec-minimum-safety-measures');
    const profile = { features: { ...emptyServiceFeatures(), messaging: true }, sizeBand: 'small' as const, jurisdictions: ['FR'], languages: ['fr'], sector: 'messaging' as const };
    const en = fixtureModel('en', { frameworks, profile });
    const fr = fixtureModel('fr', { frameworks, profile });
    expect(en.notApplicable.length).toBeGreaterThan(0);
    expect(en.notApplicable.every((n) => n.basis === 'not-applicable-profile')).toBe(true);
    expect(en.notApplicable.map((n) => n.reason).join(' ')).toMatch(/User images or video|Livestreaming|Generative AI/);
    expect(fr.notApplicable.map((n) => n.reason).join(' ')).toMatch(/Images ou vidéos des utilisateurs|Diffusion en direct|IA générative/);
    expect(fr.profile.features.find((f) => f.key === 'messaging')).toEqual({ key: 'messaging', label: 'Messagerie entre utilisateurs', enabled: true });
  });

  it('formats answers for people, per question type and language', () => {
    expect(formatAnswer({ key: 'q', type: 'yes-partial-no', prompt: { en: '', fr: '' }, required: true }, 'partial', 'fr')).toBe('Partiellement');
    expect(formatAnswer({ key: 'q', type: 'maturity', prompt: { en: '', fr: '' }, required: true }, 3, 'en')).toBe('Level 3: Applied consistently across the service');
    expect(formatAnswer({ key: 'q', type: 'duration', unit: 'hours', prompt: { en: '', fr: '' }, required: true }, 1.5, 'fr')).toBe('1,5 heures');
    expect(formatAnswer({ key: 'q', type: 'percentage', prompt: { en: '', fr: '' }, required: true }, 12.5, 'en')).toBe('12.5%');
    expect(formatAnswer(undefined, undefined, 'en')).toBe('not answered');
  });

  it('refuses a score that names a framework it was not given', () => {
    const submission = fixtureSubmission();
    expect(() =>
      buildReportModel({
        reportId: 'r',
        issuedAt: new Date(0),
        locale: 'en',
        organization: { id: 'o', name: 'O' },
        snapshot: { id: 's', contentHash: 'h', submittedAt: new Date(0), content: submission.content },
        score: submission.score,
        frameworks: [],
      }),
    ).toThrow(ReportInputError);
  });
});

describe('readReportSnapshot', () => {
  it('fills the lists an older snapshot lacks and refuses malformed content', () => {
    const old = readReportSnapshot({
      assessmentId: 'a',
      revision: 1,
      title: 'T',
      frameworks: [{ slug: 's', version: '1.0.0', contentHash: 'h' }],
      profile: { features: {} },
      answers: [{ questionKey: 'q', value: 'yes', note: null, version: 1 }],
      attestation: { name: 'N', title: 'T', statement: 'S', userId: 'u', attestedAt: '2025-01-01T00:00:00.000Z' },
    });
    expect(old).toMatchObject({ evidence: [], assignments: [], requirementStatuses: [], mappingSets: [] });
    expect(() => readReportSnapshot(null)).toThrow(ReportInputError);
    expect(() => readReportSnapshot({ profile: {}, frameworks: [] })).toThrow(/names no framework/);
    expect(() => readReportSnapshot({ profile: {}, frameworks: [{ slug: 's', version: '1', contentHash: 'h' }], evidence: 'x' })).toThrow(/evidence is not a list/);
  });
});
