/**
 * Regime rule packs: what a regulator's legal regime says about notices, their clocks and the
 * decisions that end a review. Packs are data; the clock engine (`clock.ts`) applies them.
 */
import type { LocalizedText } from '../catalog/catalog.types';
import type { DayCounting, Period } from './day-counting';

export const REGIME_IDS = ['esafety-bose', 'ofcom-osa', 'eu-dsa', 'voluntary'] as const;
export type RegimeId = (typeof REGIME_IDS)[number];

/**
 * What a deadline counts from: the date the notice or request is issued (in the regulator's zone),
 * or the last day of the reporting period the report covers.
 */
export const DEADLINE_ANCHORS = ['issue', 'period-end'] as const;
export type DeadlineAnchor = (typeof DEADLINE_ANCHORS)[number];

export interface DeadlineTerms {
  /** The provision the deadline comes from, as cited (`s.102`, `Art. 67`); null when Beacon sets it. */
  readonly section: string | null;
  readonly anchor: DeadlineAnchor;
  /** The earliest due date allowed is anchor + minimum. */
  readonly minimum: Period;
  /** The due date offered when the regulator sets none: anchor + default (never before the minimum). */
  readonly default: Period;
}

/** A notice asking for one report per reporting interval; null bounds leave the interval free. */
export interface SeriesTerms {
  readonly minIntervalMonths: number | null;
  readonly maxIntervalMonths: number | null;
}

export interface NoticeKind extends DeadlineTerms {
  /** Unique within its pack, kebab-case. */
  readonly id: string;
  readonly title: LocalizedText;
  /** Set when one notice asks for a series of periodic reports. */
  readonly series: SeriesTerms | null;
}

export const DECISION_TYPE_IDS = ['accepted', 'accepted-with-conditions', 'not-compliant', 'closed'] as const;
export type DecisionTypeId = (typeof DECISION_TYPE_IDS)[number];

export interface DecisionType {
  readonly id: DecisionTypeId;
  readonly label: LocalizedText;
  /** The decision lists steps the company must take. */
  readonly carriesRequiredSteps: boolean;
  /** The decision gives a period within which those steps must be taken. */
  readonly carriesCompliancePeriod: boolean;
}

export interface RegimeRulePack {
  readonly id: RegimeId;
  readonly title: LocalizedText;
  /** Shown next to the legal-basis field of a notice; cites only the provisions the pack encodes. */
  readonly legalBasisHint: LocalizedText;
  /** How the pack's day periods are counted (months are always calendar months). */
  readonly dayCounting: DayCounting;
  readonly noticeKinds: readonly NoticeKind[];
  /** The clock of an information request sent during a review (anchored on its issue). */
  readonly informationRequest: DeadlineTerms;
  /** How long the regulator's review should take from filing: Beacon's service level, not a statutory term. */
  readonly reviewSla: Period;
  readonly decisionTypes: readonly DecisionType[];
  /** Whether a company may file without a notice (a filing with no statutory deadline). */
  readonly acceptsVoluntaryFilings: boolean;
}

/** A pack's notice kind or information request, resolved with what the clock engine needs. */
export interface DeadlineRule extends DeadlineTerms {
  /** `<regime>.<kind>`, e.g. `ofcom-osa.information-notice`; problems name `<id>.minimum-days`. */
  readonly id: string;
  readonly regime: RegimeId;
  readonly dayCounting: DayCounting;
  readonly series: SeriesTerms | null;
}
