import type { AssessmentSnapshotContent } from '@beacon/contracts';
import {
  formatApplicability,
  type FrameworkDefinition,
  type FrameworkResult,
  type Gap,
  type Locale,
  MATURITY_LEVEL_LABELS,
  percentOneDecimal,
  type QuestionDefinition,
  type RatingResult,
  type RequirementDefinition,
  type RequirementResult,
  SECTOR_LABELS,
  SERVICE_FEATURE_LABELS,
  SERVICE_FEATURES,
  SIZE_BAND_RANGES,
  type ScoringResult,
} from '@beacon/domain';
import {
  REPORT_SCHEMA_ID,
  REPORT_SCHEMA_VERSION,
  type ReportEvidence,
  type ReportFramework,
  type ReportModel,
  type ReportNotApplicable,
  type ReportOwner,
  type ReportQuestion,
  type ReportRating,
  type ReportRemediationItem,
  type ReportRequirement,
} from './report-model.types';
import { ReportInputError } from './report-snapshot';
import { REPORT_TEXTS, type ReportTexts } from './report-texts';

export interface ReportModelInput {
  reportId: string;
  /** The report's issue date (the moment it was requested: a re-render prints the same date). */
  issuedAt: Date;
  locale: Locale;
  organization: { id: string; name: string };
  snapshot: { id: string; contentHash: string; submittedAt: Date; content: AssessmentSnapshotContent };
  score: ScoringResult;
  /** The framework documents the snapshot names (any order). */
  frameworks: readonly FrameworkDefinition[];
}

const ratingOf = (rating: RatingResult | null, locale: Locale): ReportRating | null =>
  rating ? { key: rating.key, color: rating.color, label: rating.label[locale] } : null;

const percent = (ratio: number | null): number | null => (ratio === null ? null : percentOneDecimal(ratio));

/** The answer as a person reads it, in the report's language. */
export function formatAnswer(question: QuestionDefinition | undefined, value: unknown, locale: Locale, texts: ReportTexts = REPORT_TEXTS[locale]): string {
  if (value === undefined || value === null) return texts.noAnswer;
  const raw = typeof value === 'string' ? value : JSON.stringify(value);
  if (!question) return raw;
  switch (question.type) {
    case 'yes-partial-no':
      return typeof value === 'string' && value in texts.answerValues ? texts.answerValues[value as keyof ReportTexts['answerValues']] : raw;
    case 'maturity': {
      const label = typeof value === 'number' ? MATURITY_LEVEL_LABELS[value as 0 | 1 | 2 | 3 | 4] : undefined;
      return label ? texts.maturityLevel(value as number, label[locale]) : raw;
    }
    case 'single-choice':
      return question.options.find((o) => o.value === value)?.label[locale] ?? raw;
    case 'multiple-choice':
      if (!Array.isArray(value)) return raw;
      return value.length === 0 ? '—' : value.map((v) => question.options.find((o) => o.value === v)?.label[locale] ?? (typeof v === 'string' ? v : JSON.stringify(v))).join('; ');
    case 'number':
      return typeof value === 'number' ? `${texts.formatNumber(value)}${question.unit ? ` ${question.unit}` : ''}` : raw;
    case 'percentage':
      return typeof value === 'number' ? (locale === 'fr' ? `${texts.formatNumber(value)} %` : `${texts.formatNumber(value)}%`) : raw;
    case 'duration':
      return typeof value === 'number' ? `${texts.formatNumber(value)} ${texts.durationUnits[question.unit]}` : raw;
    case 'date':
    case 'text':
    case 'url':
      return raw;
  }
}

function indexFramework(definition: FrameworkDefinition) {
  const requirements = new Map<string, RequirementDefinition>();
  const questions = new Map<string, QuestionDefinition>();
  const sections = new Map<string, string>();
  for (const section of definition.sections) {
    for (const requirement of section.requirements) {
      requirements.set(requirement.key, requirement);
      sections.set(requirement.key, section.key);
      for (const question of requirement.questions) questions.set(question.key, question);
    }
  }
  return { requirements, questions, sections };
}

/**
 * The report model: one pure function of the submission, its score, the catalogue documents, the
 * organization's name, the language, the report's id and its issue date. No clock, no I/O: the
 * same input always gives the same model (and so the same files).
 */
export function buildReportModel(input: ReportModelInput): ReportModel {
  const { locale, snapshot, score } = input;
  const content = snapshot.content;
  const texts = REPORT_TEXTS[locale];
  const documents = new Map(input.frameworks.map((f) => [`${f.slug}@${f.version}`, f]));
  const answers = new Map(content.answers.map((a) => [a.questionKey, a]));
  const statuses = new Map(content.requirementStatuses.map((s) => [s.requirementKey, s]));
  const owners = new Map<string, ReportOwner>(content.assignments.map((a) => [a.requirementKey, { userId: a.userId, name: a.name }]));
  const evidence: ReportEvidence[] = content.evidence.map((e) => ({ id: e.id, requirementKey: e.requirementKey, kind: e.kind, name: e.name, sha256: e.sha256, url: e.url }));
  const evidenceOf = new Map<string, ReportEvidence[]>();
  for (const item of evidence) evidenceOf.set(item.requirementKey, [...(evidenceOf.get(item.requirementKey) ?? []), item]);

  const remediation: (Omit<ReportRemediationItem, 'rank'> & { order: number })[] = [];
  const notApplicable: ReportNotApplicable[] = [];

  const frameworks = score.frameworks.map((result: FrameworkResult, frameworkIndex): ReportFramework => {
    const definition = documents.get(`${result.slug}@${result.version}`);
    if (!definition) throw new ReportInputError(`The framework ${result.slug}@${result.version} of the score is not among the catalogue documents.`);
    const ref = content.frameworks.find((f) => f.slug === result.slug && f.version === result.version);
    const index = indexFramework(definition);
    const gapsByKey = new Map<string, Gap>(result.gaps.map((g) => [g.requirementKey, g]));

    const requirements = result.requirements.map((r: RequirementResult): ReportRequirement => {
      const requirement = index.requirements.get(r.key);
      if (!requirement) throw new ReportInputError(`Requirement ${r.key} of the score is not in ${result.slug}@${result.version}.`);
      const status = statuses.get(r.key);
      const applicable = r.basis !== 'not-applicable-profile' && r.basis !== 'declared-not-applicable';
      const gap = gapsByKey.get(r.key);
      if (r.basis === 'not-applicable-profile' || r.basis === 'declared-not-applicable') {
        notApplicable.push({
          framework: result.slug,
          frameworkVersion: result.version,
          requirementKey: r.key,
          title: requirement.title[locale],
          basis: r.basis,
          reason: r.basis === 'not-applicable-profile' ? formatApplicability(requirement.applicability, locale) : (status?.justification ?? ''),
        });
      }
      const questions: ReportQuestion[] = r.questions
        .filter((q) => q.counting !== 'hidden')
        .map((q) => {
          const stored = answers.get(q.questionKey);
          const definitionOfQuestion = index.questions.get(q.questionKey);
          return {
            key: q.questionKey,
            prompt: definitionOfQuestion?.prompt[locale] ?? q.questionKey,
            value: stored?.value ?? null,
            answer: stored === undefined ? null : formatAnswer(definitionOfQuestion, stored.value, locale, texts),
            note: stored?.note ?? null,
            counting: q.counting,
            score: percent(q.score),
          };
        });
      return {
        key: r.key,
        sectionKey: r.sectionKey,
        title: requirement.title[locale],
        statement: requirement.statement[locale],
        critical: r.critical,
        weight: r.weight,
        applicable,
        basis: r.basis,
        outcome: r.outcome,
        score: percent(r.score),
        criticalFailure: r.criticalFailure,
        coveredBy: r.coveredBy ? { framework: r.coveredBy.framework, version: r.coveredBy.version, requirementKey: r.coveredBy.requirementKey } : null,
        justification: (r.basis === 'declared-not-applicable' || r.basis === 'alternative') && status ? status.justification : null,
        questions,
        evidence: evidenceOf.get(r.key) ?? [],
        owner: owners.get(r.key) ?? null,
        recommendation: gap ? gap.recommendation[locale] : null,
      };
    });

    result.gaps.forEach((gap, gapIndex) => {
      remediation.push({
        order: frameworkIndex * 100_000 + gapIndex,
        framework: result.slug,
        frameworkVersion: result.version,
        requirementKey: gap.requirementKey,
        title: gap.title[locale],
        recommendation: gap.recommendation[locale],
        critical: gap.critical,
        score: percentOneDecimal(gap.score),
        priority: Math.round(gap.priority * 1000) / 1000,
        owner: owners.get(gap.requirementKey) ?? null,
      });
    });

    const count = (outcome: RequirementResult['outcome']) => result.requirements.filter((r) => r.outcome === outcome).length;
    return {
      slug: result.slug,
      version: result.version,
      contentHash: ref?.contentHash ?? '',
      title: result.title[locale],
      publisher: definition.publisher,
      publishedOn: definition.publishedOn,
      sourceUrl: definition.sourceUrl,
      score: result.score,
      rating: ratingOf(result.rating, locale),
      capped: result.capped,
      counts: {
        counted: result.requirements.filter((r) => r.score !== null).length,
        met: count('met'),
        partiallyMet: count('partially-met'),
        notMet: count('not-met'),
        notApplicable: count('not-applicable'),
        notScored: count('not-scored'),
        noData: count('no-data'),
      },
      coverage: { ...result.coverage },
      sections: result.sections.map((s) => ({
        key: s.key,
        title: s.title[locale],
        score: s.score,
        rating: ratingOf(s.rating, locale),
        countedRequirements: s.countedRequirements,
      })),
      requirements,
      criticalFailures: result.criticalFailures.map((c) => ({
        requirementKey: c.requirementKey,
        sectionKey: c.sectionKey,
        title: c.title[locale],
        score: percentOneDecimal(c.score),
        threshold: percentOneDecimal(c.threshold),
        recommendation: index.requirements.get(c.requirementKey)?.recommendation[locale] ?? '',
      })),
      gapCount: result.gaps.length,
    };
  });

  // One plan across frameworks: critical gaps first, then the highest priority, then framework
  // and catalogue order (the engine already orders each framework's gaps that way).
  remediation.sort((a, b) => Number(b.critical) - Number(a.critical) || b.priority - a.priority || a.order - b.order);
  const remediationPlan: ReportRemediationItem[] = remediation.map(({ order: _order, ...item }, i) => ({ rank: i + 1, ...item }));

  const profile = content.profile;
  const sum = (pick: (f: ReportFramework) => number) => frameworks.reduce((total, f) => total + pick(f), 0);
  return {
    $schema: REPORT_SCHEMA_ID,
    schemaVersion: REPORT_SCHEMA_VERSION,
    report: {
      id: input.reportId,
      issuedAt: input.issuedAt.toISOString(),
      locale,
      generator: 'Beacon',
      scoringEngineVersion: score.engineVersion,
    },
    organization: { id: input.organization.id, name: input.organization.name },
    assessment: {
      id: content.assessmentId,
      title: content.title,
      revision: content.revision,
      snapshotId: snapshot.id,
      contentHash: snapshot.contentHash,
      submittedAt: snapshot.submittedAt.toISOString(),
    },
    summary: {
      frameworks: frameworks.length,
      countedRequirements: sum((f) => f.counts.counted),
      met: sum((f) => f.counts.met),
      partiallyMet: sum((f) => f.counts.partiallyMet),
      notMet: sum((f) => f.counts.notMet),
      notApplicable: sum((f) => f.counts.notApplicable),
      criticalFailures: sum((f) => f.criticalFailures.length),
      gaps: remediationPlan.length,
    },
    profile: {
      features: SERVICE_FEATURES.map((feature) => ({ key: feature, label: SERVICE_FEATURE_LABELS[feature][locale], enabled: profile.features[feature] === true })),
      sizeBand: { key: profile.sizeBand, label: SIZE_BAND_RANGES[profile.sizeBand]?.label[locale] ?? profile.sizeBand },
      sector: { key: profile.sector, label: SECTOR_LABELS[profile.sector]?.[locale] ?? profile.sector },
      jurisdictions: [...profile.jurisdictions],
      languages: [...profile.languages],
    },
    frameworks,
    remediationPlan,
    notApplicable,
    evidence,
    attestation: {
      name: content.attestation.name,
      title: content.attestation.title,
      statement: content.attestation.statement,
      attestedAt: content.attestation.attestedAt,
      userId: content.attestation.userId,
    },
  };
}
