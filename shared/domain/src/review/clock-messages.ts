/**
 * English and French messages for the clock problems. `{name}` stands for the problem's `params.name`;
 * dates and instants are printed as given (ISO 8601) — a UI may format them before rendering.
 */
import type { LocalizedText } from '../catalog/catalog.types';
import type { ClockProblem, ClockProblemCode } from './clock-problems';

export const CLOCK_PROBLEM_MESSAGES: Readonly<Record<ClockProblemCode, LocalizedText>> = Object.freeze({
  DUE_DATE_INVALID: {
    en: '“{value}” is not a date in the format YYYY-MM-DD.',
    fr: '« {value} » n’est pas une date au format AAAA-MM-JJ.',
  },
  DUE_DATE_TOO_EARLY: {
    en: 'The due date must be on or after {earliest}.',
    fr: 'L’échéance doit tomber le {earliest} ou plus tard.',
  },
  PERIOD_END_REQUIRED: {
    en: 'This deadline counts from the end of the reporting period: give the last day of the period.',
    fr: 'Ce délai court à partir de la fin de la période couverte : indiquez le dernier jour de la période.',
  },
  PERIOD_DATE_INVALID: {
    en: '“{value}” is not a date in the format YYYY-MM-DD.',
    fr: '« {value} » n’est pas une date au format AAAA-MM-JJ.',
  },
  NOTICE_KIND_UNKNOWN: {
    en: 'This regime has no notice of the kind “{kind}”.',
    fr: 'Ce régime ne prévoit pas d’avis du type « {kind} ».',
  },
  VOLUNTARY_FILING_NOT_ACCEPTED: {
    en: 'This regime accepts filings only in response to a notice.',
    fr: 'Ce régime n’accepte de dépôt qu’en réponse à un avis.',
  },
  NO_STATUTORY_DEADLINE: {
    en: 'This filing has no statutory deadline to extend.',
    fr: 'Ce dépôt n’a pas de délai légal à prolonger.',
  },
  EXTENSION_NOT_LATER: {
    en: 'An extension must move the due date later than {currentDueDate}.',
    fr: 'Une prolongation doit reporter l’échéance au-delà du {currentDueDate}.',
  },
  REVIEW_NOT_STARTED: {
    en: 'The review has not started.',
    fr: 'L’examen n’a pas commencé.',
  },
  REVIEW_ALREADY_STARTED: {
    en: 'The review has already started.',
    fr: 'L’examen a déjà commencé.',
  },
  REVIEW_ALREADY_PAUSED: {
    en: 'The review clock is already paused.',
    fr: 'Le délai d’examen est déjà suspendu.',
  },
  REVIEW_NOT_PAUSED: {
    en: 'The review clock is not paused.',
    fr: 'Le délai d’examen n’est pas suspendu.',
  },
  INFORMATION_REQUEST_DUPLICATE: {
    en: 'There is already an information request “{id}”.',
    fr: 'Une demande d’informations « {id} » existe déjà.',
  },
  INFORMATION_REQUEST_UNKNOWN: {
    en: 'There is no information request “{id}”.',
    fr: 'Il n’existe pas de demande d’informations « {id} ».',
  },
  INFORMATION_REQUEST_CLOSED: {
    en: 'The information request “{id}” is already answered.',
    fr: 'La demande d’informations « {id} » a déjà reçu une réponse.',
  },
  TIME_OUT_OF_ORDER: {
    en: 'This event cannot be dated before {notBefore}.',
    fr: 'Cet événement ne peut pas être daté d’avant {notBefore}.',
  },
  SERIES_NOT_SUPPORTED: {
    en: 'This kind of notice asks for a single report, not a series.',
    fr: 'Ce type d’avis demande un seul rapport, pas une série.',
  },
  REPORTING_INTERVAL_OUT_OF_RANGE: {
    en: 'A reporting interval of {intervalMonths} months is outside what this regime allows.',
    fr: 'Un intervalle de {intervalMonths} mois sort des limites que ce régime autorise.',
  },
  SERIES_PERIODS_INVALID: {
    en: 'A series has from 1 to {maximum} reporting periods.',
    fr: 'Une série compte de 1 à {maximum} périodes de rapport.',
  },
});

/** The problem's message in English or French, its `{placeholders}` filled from its params. */
export function clockProblemMessage(problem: ClockProblem, language: keyof LocalizedText): string {
  const params: Readonly<Record<string, string | number | undefined>> = problem.params;
  return CLOCK_PROBLEM_MESSAGES[problem.code][language].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    String(params[name] ?? placeholder),
  );
}
