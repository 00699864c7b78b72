import type { Locale, MappingCoverage, QuestionCounting, RatingColor, RequirementBasis, RequirementOutcome } from '@beacon/domain';

/** Bumped whenever the shape of the report model (and so of the JSON report) changes. */
export const REPORT_SCHEMA_VERSION = '1.0.0';
/** The `$id` of docs/schemas/report.schema.json, written in every JSON report. */
export const REPORT_SCHEMA_ID = 'https://beacon.example/schemas/report.schema.json';

export interface ReportRating {
  key: string;
  color: RatingColor;
  label: string;
}

export interface ReportEvidence {
  id: string;
  requirementKey: string;
  kind: 'file' | 'link';
  name: string;
  /** SHA-256 (hex) of a file; null for a link. */
  sha256: string | null;
  /** The URL of a link; null for a file. */
  url: string | null;
}

export interface ReportOwner {
  userId: string;
  name: string;
}

export interface ReportQuestion {
  key: string;
  prompt: string;
  /** The answer as stored (null when unanswered). */
  value: unknown;
  /** The answer as a person reads it, in the report's language (null when unanswered). */
  answer: string | null;
  note: string | null;
  counting: QuestionCounting;
  /** 0..100 with one decimal, when the question counts. */
  score: number | null;
}

export interface ReportRequirement {
  key: string;
  sectionKey: string;
  title: string;
  statement: string;
  critical: boolean;
  weight: number;
  /** False when the service profile or a declaration leaves it out. */
  applicable: boolean;
  basis: RequirementBasis;
  outcome: RequirementOutcome;
  /** 0..100 with one decimal; null when excluded from the means. */
  score: number | null;
  criticalFailure: boolean;
  coveredBy: { framework: string; version: string; requirementKey: string } | null;
  /** The justification of a requirement-level answer (not applicable / alternative). */
  justification: string | null;
  questions: ReportQuestion[];
  evidence: ReportEvidence[];
  owner: ReportOwner | null;
  /** The catalogue's recommendation, when the requirement is a gap. */
  recommendation: string | null;
}

export interface ReportSection {
  key: string;
  title: string;
  score: number | null;
  rating: ReportRating | null;
  countedRequirements: number;
}

export interface ReportCriticalFailure {
  requirementKey: string;
  sectionKey: string;
  title: string;
  /** 0..100 with one decimal. */
  score: number;
  /** 0..100 with one decimal. */
  threshold: number;
  recommendation: string;
}

export interface ReportOutcomeCounts {
  counted: number;
  met: number;
  partiallyMet: number;
  notMet: number;
  notApplicable: number;
  notScored: number;
  noData: number;
}

export interface ReportFramework {
  slug: string;
  version: string;
  contentHash: string;
  title: string;
  publisher: string;
  publishedOn: string;
  sourceUrl: string;
  score: number | null;
  rating: ReportRating | null;
  capped: boolean;
  counts: ReportOutcomeCounts;
  coverage: MappingCoverage;
  sections: ReportSection[];
  requirements: ReportRequirement[];
  criticalFailures: ReportCriticalFailure[];
  gapCount: number;
}

export interface ReportRemediationItem {
  rank: number;
  framework: string;
  frameworkVersion: string;
  requirementKey: string;
  title: string;
  recommendation: string;
  critical: boolean;
  /** 0..100 with one decimal. */
  score: number;
  /** weight × shortfall, rounded to 3 decimals. */
  priority: number;
  owner: ReportOwner | null;
}

export interface ReportNotApplicable {
  framework: string;
  frameworkVersion: string;
  requirementKey: string;
  title: string;
  basis: 'not-applicable-profile' | 'declared-not-applicable';
  /** The requirement's applicability (profile) or the declaration's justification. */
  reason: string;
}

export interface ReportProfile {
  features: { key: string; label: string; enabled: boolean }[];
  sizeBand: { key: string; label: string };
  sector: { key: string; label: string };
  jurisdictions: string[];
  languages: string[];
}

/**
 * Everything a report says, computed once from the submission and its score; every format (PDF,
 * JSON, CSV, OSCAL) is rendered from this. Its canonical JSON is the JSON report, and its SHA-256 is
 * the "content digest" printed on every page of the PDF.
 */
export interface ReportModel {
  $schema: string;
  schemaVersion: string;
  report: {
    id: string;
    issuedAt: string;
    locale: Locale;
    generator: string;
    scoringEngineVersion: string;
  };
  organization: { id: string; name: string };
  assessment: {
    id: string;
    title: string;
    revision: number;
    snapshotId: string;
    contentHash: string;
    submittedAt: string;
  };
  summary: {
    frameworks: number;
    countedRequirements: number;
    met: number;
    partiallyMet: number;
    notMet: number;
    notApplicable: number;
    criticalFailures: number;
    gaps: number;
  };
  profile: ReportProfile;
  frameworks: ReportFramework[];
  remediationPlan: ReportRemediationItem[];
  notApplicable: ReportNotApplicable[];
  evidence: ReportEvidence[];
  attestation: { name: string; title: string; statement: string; attestedAt: string; userId: string };
}
