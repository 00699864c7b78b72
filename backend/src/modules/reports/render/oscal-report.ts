import { BEACON_NS, deterministicUuid, OSCAL_VERSION, oscalId } from '../../catalog';
import type { ReportEvidence, ReportModel, ReportRequirement } from '../model/report-model.types';
import { formatPercent, REPORT_TEXTS } from '../model/report-texts';
import { contentDigestOf } from './json-report';

type Json = Record<string, unknown>;

const prop = (name: string, value: string): Json => ({ name, value, ns: BEACON_NS });

/** Requirements that count towards a score get a finding; the others are listed as excluded controls. */
const COUNTED = new Set(['met', 'partially-met', 'not-met']);

/**
 * The report as an OSCAL assessment-results document (NIST OSCAL 1.2.1): one result for the
 * submission; per counted requirement, a finding whose target is the requirement's objective
 * (`satisfied` when met, otherwise `not-satisfied`) and an observation with the answers and the
 * evidence (by name and SHA-256, listed as back-matter resources). Control ids are those of Beacon's
 * OSCAL catalogue export; UUIDs are derived from the report id, so the same report gives the same
 * document.
 */
export function toOscalAssessmentResults(model: ReportModel): Json {
  const locale = model.report.locale;
  const texts = REPORT_TEXTS[locale];
  const rid = model.report.id;
  const uuid = (name: string) => deterministicUuid(`assessment-results:${rid}:${name}`);
  const organizationUuid = deterministicUuid(`party:organization:${model.organization.id}`);
  const beaconUuid = deterministicUuid('party:beacon');
  const planUuid = uuid('assessment-plan');
  const evidenceUuid = (e: ReportEvidence) => uuid(`evidence:${e.id}`);
  const submittedAt = model.assessment.submittedAt;

  const observations: Json[] = [];
  const findings: Json[] = [];
  const included: Json[] = [];
  const excluded: Json[] = [];

  for (const framework of model.frameworks) {
    for (const r of framework.requirements) {
      const controlId = oscalId(r.key);
      if (!COUNTED.has(r.outcome)) {
        excluded.push({ 'control-id': controlId });
        continue;
      }
      included.push({ 'control-id': controlId });
      const observationUuid = uuid(`observation:${framework.slug}:${r.key}`);
      observations.push(observation(r, observationUuid, framework.slug, framework.version));
      const satisfied = r.outcome === 'met';
      findings.push({
        uuid: uuid(`finding:${framework.slug}:${r.key}`),
        title: `${r.key} — ${r.title}`,
        description: `${texts.outcomes[r.outcome]} (${formatPercent(r.score, locale)}). ${texts.bases[r.basis]}.`,
        props: [
          prop('framework', `${framework.slug}@${framework.version}`),
          prop('outcome', r.outcome),
          prop('basis', r.basis),
          prop('score-percent', r.score === null ? '' : r.score.toFixed(1)),
          prop('critical', String(r.critical)),
          prop('critical-failure', String(r.criticalFailure)),
        ],
        target: {
          type: 'objective-id',
          'target-id': controlId,
          status: { state: satisfied ? 'satisfied' : 'not-satisfied', reason: satisfied ? 'pass' : 'fail' },
        },
        'related-observations': [{ 'observation-uuid': observationUuid }],
        ...(r.recommendation ? { remarks: `${texts.recommendation}: ${r.recommendation}` } : {}),
      });
    }
  }

  function observation(r: ReportRequirement, observationUuid: string, slug: string, version: string): Json {
    const lines = r.questions.map((q) => `- ${q.prompt}: ${q.answer ?? texts.noAnswer}${q.note ? ` (${texts.note}: ${q.note})` : ''}`);
    if (r.coveredBy) lines.push(`- ${texts.coveredBy(`${r.coveredBy.requirementKey} (${r.coveredBy.framework}@${r.coveredBy.version})`)}`);
    if (r.justification) lines.push(`- ${texts.justification}: ${r.justification}`);
    const out: Json = {
      uuid: observationUuid,
      title: `${r.key} — ${r.title}`,
      description: lines.length > 0 ? lines.join('\n') : texts.bases[r.basis],
      props: [prop('framework', `${slug}@${version}`), prop('requirement', r.key)],
      methods: r.evidence.length > 0 ? ['INTERVIEW', 'EXAMINE'] : ['INTERVIEW'],
      types: ['control-objective'],
      origins: [{ actors: [{ type: 'party', 'actor-uuid': organizationUuid }] }],
      collected: submittedAt,
    };
    if (r.evidence.length > 0) {
      out['relevant-evidence'] = r.evidence.map((e) => ({
        href: `#${evidenceUuid(e)}`,
        description: e.kind === 'file' ? `${e.name} (SHA-256 ${e.sha256 ?? ''})` : `${e.name} <${e.url ?? ''}>`,
        ...(e.sha256 ? { props: [prop('sha256', e.sha256)] } : {}),
      }));
    }
    return out;
  }

  const controlSelection: Json = { description: texts.requirementTableIntro };
  if (included.length > 0) controlSelection['include-controls'] = included;
  else controlSelection['include-all'] = {};
  if (excluded.length > 0) controlSelection['exclude-controls'] = excluded;

  const resources: Json[] = [
    {
      uuid: planUuid,
      title: `${model.assessment.title} (${texts.revision} ${model.assessment.revision})`,
      description: `${texts.snapshot} ${model.assessment.snapshotId}`,
      props: [prop('snapshot-id', model.assessment.snapshotId), prop('content-hash', model.assessment.contentHash)],
      'document-ids': [{ scheme: 'https://beacon.example/ns/snapshot-content-hash', identifier: model.assessment.contentHash }],
    },
    ...model.evidence.map((e) => ({
      uuid: evidenceUuid(e),
      title: e.name || e.id,
      props: [prop('requirement', e.requirementKey), prop('evidence-kind', e.kind)],
      rlinks: [
        {
          href: e.kind === 'link' && e.url ? e.url : `urn:beacon:evidence:${e.id}`,
          ...(e.sha256 ? { hashes: [{ algorithm: 'SHA-256', value: e.sha256 }] } : {}),
        },
      ],
    })),
  ];

  const result: Json = {
    uuid: uuid('result'),
    title: `${texts.documentTitle} — ${model.assessment.title}`,
    description: model.frameworks
      .map((f) => `${f.title} (${f.slug}@${f.version}): ${formatPercent(f.score, locale)}, ${f.rating?.label ?? texts.notRated}`)
      .join('\n'),
    start: submittedAt,
    end: model.report.issuedAt,
    props: [
      prop('report-id', rid),
      prop('snapshot-id', model.assessment.snapshotId),
      prop('content-hash', model.assessment.contentHash),
      prop('scoring-engine-version', model.report.scoringEngineVersion),
      ...model.frameworks.flatMap((f) => [prop('framework', `${f.slug}@${f.version}`), prop(`score-${oscalId(f.slug)}`, f.score === null ? '' : f.score.toFixed(1))]),
    ],
    'reviewed-controls': { 'control-selections': [controlSelection] },
    attestations: [
      {
        'responsible-parties': [{ 'role-id': 'attestor', 'party-uuids': [organizationUuid] }],
        parts: [
          {
            name: 'attestation',
            title: `${model.attestation.name}, ${model.attestation.title}`,
            prose: `${model.attestation.statement}\n\n${texts.attestedOn} ${model.attestation.attestedAt}`,
          },
        ],
      },
    ],
    ...(observations.length > 0 ? { observations } : {}),
    ...(findings.length > 0 ? { findings } : {}),
  };

  return {
    'assessment-results': {
      uuid: uuid('document'),
      metadata: {
        title: `${texts.documentTitle} — ${model.organization.name} — ${model.assessment.title}`,
        published: model.report.issuedAt,
        'last-modified': model.report.issuedAt,
        version: String(model.assessment.revision),
        'oscal-version': OSCAL_VERSION,
        props: [prop('report-id', rid), prop('locale', locale), prop('content-digest', contentDigestOf(model))],
        roles: [
          { id: 'attestor', title: texts.attestation },
          { id: 'assessment-platform', title: 'Beacon' },
        ],
        parties: [
          { uuid: organizationUuid, type: 'organization', name: model.organization.name },
          { uuid: beaconUuid, type: 'organization', name: 'Beacon' },
        ],
        'responsible-parties': [
          { 'role-id': 'attestor', 'party-uuids': [organizationUuid] },
          { 'role-id': 'assessment-platform', 'party-uuids': [beaconUuid] },
        ],
      },
      'import-ap': { href: `#${planUuid}`, remarks: texts.snapshot },
      results: [result],
      'back-matter': { resources },
    },
  };
}

/** The OSCAL report file: pretty-printed JSON (keys in OSCAL's usual order). */
export function renderOscalReport(model: ReportModel): Buffer {
  return Buffer.from(`${JSON.stringify(toOscalAssessmentResults(model), null, 2)}\n`, 'utf8');
}
