/**
 * The shipped regime rule packs. Statutory terms cite only what they encode: eSafety's periodic
 * reports (Online Safety Act 2021 (Cth) s.49: intervals of 6 to 24 months, each report due no
 * sooner than 28 days after its interval ends), Ofcom's information notices (Online Safety Act 2023
 * s.102: at least 7 days to respond) and the DSA's requests for information (Art. 67: the deadline
 * is the authority's; Beacon requires at least one day) and transparency reports (due two months
 * after the reporting period ends). Every other figure — default deadlines, the s.56 notice's floor
 * of one day, information-request clocks outside s.102 and Art. 67, review service levels — is a
 * Beacon default, marked by a null `section`, and documented in docs/review-clocks.md.
 */
import type {
  DecisionType,
  DecisionTypeId,
  DeadlineRule,
  DeadlineTerms,
  NoticeKind,
  RegimeId,
  RegimeRulePack,
} from './regime.types';
import { REGIME_IDS } from './regime.types';

const DECISION_TYPES: Readonly<Record<DecisionTypeId, DecisionType>> = {
  accepted: {
    id: 'accepted',
    label: { en: 'Accepted', fr: 'Accepté' },
    carriesRequiredSteps: false,
    carriesCompliancePeriod: false,
  },
  'accepted-with-conditions': {
    id: 'accepted-with-conditions',
    label: { en: 'Accepted with conditions', fr: 'Accepté sous conditions' },
    carriesRequiredSteps: true,
    carriesCompliancePeriod: true,
  },
  'not-compliant': {
    id: 'not-compliant',
    label: { en: 'Not compliant', fr: 'Non conforme' },
    carriesRequiredSteps: true,
    carriesCompliancePeriod: true,
  },
  closed: {
    id: 'closed',
    label: { en: 'Closed', fr: 'Clôturé' },
    carriesRequiredSteps: false,
    carriesCompliancePeriod: false,
  },
};

const STATUTORY_DECISIONS = [
  DECISION_TYPES.accepted,
  DECISION_TYPES['accepted-with-conditions'],
  DECISION_TYPES['not-compliant'],
  DECISION_TYPES.closed,
];

/** An information request with no statutory clock of its own: due the next day at the earliest, two weeks by default. */
const BEACON_INFORMATION_REQUEST: DeadlineTerms = {
  section: null,
  anchor: 'issue',
  minimum: { days: 1 },
  default: { days: 14 },
};

export const ESAFETY_BOSE: RegimeRulePack = {
  id: 'esafety-bose',
  title: {
    en: 'eSafety Commissioner — Basic Online Safety Expectations (Australia)',
    fr: 'eSafety Commissioner — attentes de base en matière de sécurité en ligne (Australie)',
  },
  legalBasisHint: {
    en: 'Online Safety Act 2021 (Cth), Basic Online Safety Expectations: periodic reporting notice (s.49) or non-periodic reporting notice (s.56).',
    fr: 'Online Safety Act 2021 (Cth), attentes de base en matière de sécurité en ligne : avis de rapport périodique (art. 49) ou avis de rapport non périodique (art. 56).',
  },
  dayCounting: 'calendar-days',
  noticeKinds: [
    {
      id: 'periodic-report',
      title: { en: 'Periodic reporting notice', fr: 'Avis de rapport périodique' },
      section: 's.49',
      anchor: 'period-end',
      minimum: { days: 28 },
      default: { days: 28 },
      series: { minIntervalMonths: 6, maxIntervalMonths: 24 },
    },
    {
      id: 'non-periodic-report',
      title: { en: 'Non-periodic reporting notice', fr: 'Avis de rapport non périodique' },
      section: 's.56',
      anchor: 'issue',
      // Beacon's floor, not the Act's: this pack encodes no statutory minimum for s.56.
      minimum: { days: 1 },
      default: { days: 28 },
      series: null,
    },
  ],
  informationRequest: BEACON_INFORMATION_REQUEST,
  reviewSla: { days: 30 },
  decisionTypes: STATUTORY_DECISIONS,
  acceptsVoluntaryFilings: false,
};

export const OFCOM_OSA: RegimeRulePack = {
  id: 'ofcom-osa',
  title: {
    en: 'Ofcom — Online Safety Act (United Kingdom)',
    fr: 'Ofcom — Online Safety Act (Royaume-Uni)',
  },
  legalBasisHint: {
    en: 'Online Safety Act 2023, information notice (s.102).',
    fr: 'Online Safety Act 2023, avis de demande d’informations (art. 102).',
  },
  dayCounting: 'calendar-days',
  noticeKinds: [
    {
      id: 'information-notice',
      title: { en: 'Information notice', fr: 'Avis de demande d’informations' },
      section: 's.102',
      anchor: 'issue',
      minimum: { days: 7 },
      default: { days: 14 },
      series: null,
    },
  ],
  informationRequest: { section: 's.102', anchor: 'issue', minimum: { days: 7 }, default: { days: 14 } },
  reviewSla: { days: 30 },
  decisionTypes: STATUTORY_DECISIONS,
  acceptsVoluntaryFilings: false,
};

export const EU_DSA: RegimeRulePack = {
  id: 'eu-dsa',
  title: {
    en: 'Digital Services Act (European Union)',
    fr: 'Règlement sur les services numériques (Union européenne)',
  },
  legalBasisHint: {
    en: 'Regulation (EU) 2022/2065 (Digital Services Act): request for information (Art. 67); transparency reports.',
    fr: 'Règlement (UE) 2022/2065 (règlement sur les services numériques) : demande d’informations (art. 67) ; rapports de transparence.',
  },
  dayCounting: 'calendar-days',
  noticeKinds: [
    {
      id: 'information-request',
      title: { en: 'Request for information', fr: 'Demande d’informations' },
      section: 'Art. 67',
      anchor: 'issue',
      // The authority sets the deadline; Beacon requires at least one full day.
      minimum: { days: 1 },
      default: { days: 14 },
      series: null,
    },
    {
      id: 'transparency-report',
      title: { en: 'Transparency report', fr: 'Rapport de transparence' },
      section: null,
      anchor: 'period-end',
      minimum: { months: 2 },
      default: { months: 2 },
      series: { minIntervalMonths: null, maxIntervalMonths: null },
    },
  ],
  informationRequest: { section: 'Art. 67', anchor: 'issue', minimum: { days: 1 }, default: { days: 14 } },
  reviewSla: { days: 30 },
  decisionTypes: STATUTORY_DECISIONS,
  acceptsVoluntaryFilings: false,
};

export const VOLUNTARY: RegimeRulePack = {
  id: 'voluntary',
  title: { en: 'Voluntary filing', fr: 'Dépôt volontaire' },
  legalBasisHint: {
    en: 'No statutory basis: the company files of its own accord, with no statutory deadline.',
    fr: 'Aucune base légale : l’entreprise dépose de sa propre initiative, sans délai légal.',
  },
  dayCounting: 'business-days',
  noticeKinds: [],
  informationRequest: { section: null, anchor: 'issue', minimum: { days: 1 }, default: { days: 10 } },
  reviewSla: { days: 20 },
  decisionTypes: [DECISION_TYPES.accepted, DECISION_TYPES['accepted-with-conditions'], DECISION_TYPES.closed],
  acceptsVoluntaryFilings: true,
};

export const REGIME_RULE_PACKS: readonly RegimeRulePack[] = [ESAFETY_BOSE, OFCOM_OSA, EU_DSA, VOLUNTARY];

export function isRegimeId(value: unknown): value is RegimeId {
  return typeof value === 'string' && (REGIME_IDS as readonly string[]).includes(value);
}

export function regimeRulePack(id: RegimeId): RegimeRulePack {
  const pack = REGIME_RULE_PACKS.find((candidate) => candidate.id === id);
  if (!pack) throw new RangeError(`no rule pack for regime ${id}`);
  return pack;
}

/** The deadline rule of one of the pack's notice kinds, or null when the pack has no such kind. */
export function noticeRule(pack: RegimeRulePack, kindId: string): DeadlineRule | null {
  const kind: NoticeKind | undefined = pack.noticeKinds.find((candidate) => candidate.id === kindId);
  if (!kind) return null;
  const { title: _title, ...terms } = kind;
  return { ...terms, id: `${pack.id}.${kind.id}`, regime: pack.id, dayCounting: pack.dayCounting };
}

/** The deadline rule of an information request sent during a review under the pack. */
export function informationRequestRule(pack: RegimeRulePack): DeadlineRule {
  return {
    ...pack.informationRequest,
    id: `${pack.id}.information-request`,
    regime: pack.id,
    dayCounting: pack.dayCounting,
    series: null,
  };
}

export function decisionTypeOf(pack: RegimeRulePack, id: string): DecisionType | null {
  return pack.decisionTypes.find((candidate) => candidate.id === id) ?? null;
}
