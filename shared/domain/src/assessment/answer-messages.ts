import type { Locale } from '../catalog/catalog.types';
import { type MessageCatalogues, problemMessage, WORDING } from '../problem';
import type { AnswerProblem, RequirementStatusProblem } from './validate-answer';

const en = WORDING.en;
const fr = WORDING.fr;
const characters = {
  en: { one: 'character', other: 'characters' },
  fr: { one: 'caractère', other: 'caractères' },
};

/** Units the rules themselves add; a question's own unit (from the catalogue) is shown as written. */
const FRENCH_UNITS: Readonly<Record<string, string>> = {
  percent: '%',
  'maturity level': 'niveau de maturité',
  minutes: 'minutes',
  hours: 'heures',
  days: 'jours',
};
const inUnit = (unit: string | undefined, locale: Locale): string =>
  unit === undefined ? '' : ` (${locale === 'fr' ? (FRENCH_UNITS[unit] ?? unit) : unit})`;

/** The sentence of each answer problem, in English and in French. */
export const ANSWER_MESSAGES: MessageCatalogues<AnswerProblem> = {
  en: {
    CHOICE_EXPECTED: ({ choices, got }) => `expected one of ${en.either(choices)}, got ${en.value(got)}`,
    NOT_A_CHOICE: ({ value, choices }) => `${en.quoted(value)} is not one of ${en.either(choices)}`,
    MATURITY_LEVEL_EXPECTED: ({ min, max, got }) =>
      `expected a maturity level ${min}..${max}, got ${en.value(got)}`,
    MATURITY_LEVEL_NOT_WHOLE: ({ value, min, max }) =>
      `${en.number(value)} is not a whole maturity level (${min}..${max})`,
    OPTION_EXPECTED: ({ got }) => `expected one option value, got ${en.value(got)}`,
    OPTION_LIST_EXPECTED: ({ got }) => `expected a list of option values, got ${en.value(got)}`,
    OPTION_LIST_ITEM_NOT_TEXT: ({ got }) =>
      `expected a list of option values, got ${en.value(got)} in the list`,
    UNKNOWN_OPTION: ({ value, options }) =>
      `${en.quoted(value)} is not one of the options (${en.either(options)})`,
    OPTION_REPEATED: ({ value }) => `${en.quoted(value)} is selected more than once`,
    EXCLUSIVE_OPTION_COMBINED: ({ value }) => `${en.quoted(value)} cannot be combined with other options`,
    NO_OPTION_SELECTED: ({ none }) =>
      `select at least one option (${en.quoted(none)} when none of the others apply)`,
    NUMBER_EXPECTED: ({ got }) => `expected a number, got ${en.value(got)}`,
    NUMBER_NOT_FINITE: ({ value }) => `${value} is not a finite number`,
    NUMBER_TOO_SMALL: ({ value, min, unit }) =>
      `${en.number(value)} is below the minimum of ${en.number(min)}${inUnit(unit, 'en')}`,
    NUMBER_TOO_LARGE: ({ value, max, unit }) =>
      `${en.number(value)} is above the maximum of ${en.number(max)}${inUnit(unit, 'en')}`,
    DATE_EXPECTED: ({ got }) => `expected a date as YYYY-MM-DD, got ${en.value(got)}`,
    DATE_INVALID: ({ value }) => `${en.quoted(value)} is not a real date in the format YYYY-MM-DD`,
    TEXT_EXPECTED: ({ got }) => `expected text, got ${en.value(got)}`,
    TEXT_EMPTY: () => 'the text is empty',
    TEXT_TOO_LONG: ({ length, max }) =>
      `the text is ${en.counted(length, characters.en)} long, above the maximum of ${en.count(max)}`,
    TEXT_HAS_NUL: () => 'the text contains a NUL character',
    URL_EXPECTED: ({ got }) => `expected a URL, got ${en.value(got)}`,
    URL_EMPTY: () => 'the URL is empty',
    URL_TOO_LONG: ({ length, max }) =>
      `the URL is ${en.counted(length, characters.en)} long, above the maximum of ${en.count(max)}`,
    URL_HAS_WHITESPACE: ({ value }) => `${en.quoted(value)} contains whitespace`,
    URL_NOT_ABSOLUTE: ({ value }) => `${en.quoted(value)} is not an absolute URL`,
    URL_NOT_HTTP: ({ value }) => `${en.quoted(value)} must start with http:// or https://`,
    URL_INVALID: ({ value }) => `${en.quoted(value)} is not a valid URL`,
    URL_HAS_CREDENTIALS: ({ value }) => `${en.quoted(value)} must not contain a user name or password`,
  },
  fr: {
    CHOICE_EXPECTED: ({ choices, got }) =>
      `une valeur parmi ${fr.either(choices)} est attendue, reçu : ${fr.value(got)}`,
    NOT_A_CHOICE: ({ value, choices }) => `${fr.quoted(value)} ne fait pas partie de ${fr.either(choices)}`,
    MATURITY_LEVEL_EXPECTED: ({ min, max, got }) =>
      `un niveau de maturité de ${min} à ${max} est attendu, reçu : ${fr.value(got)}`,
    MATURITY_LEVEL_NOT_WHOLE: ({ value, min, max }) =>
      `${fr.number(value)} n’est pas un niveau de maturité entier (${min} à ${max})`,
    OPTION_EXPECTED: ({ got }) => `la valeur d’une option est attendue, reçu : ${fr.value(got)}`,
    OPTION_LIST_EXPECTED: ({ got }) => `une liste de valeurs d’options est attendue, reçu : ${fr.value(got)}`,
    OPTION_LIST_ITEM_NOT_TEXT: ({ got }) =>
      `une liste de valeurs d’options est attendue, reçu : ${fr.value(got)} dans la liste`,
    UNKNOWN_OPTION: ({ value, options }) =>
      `${fr.quoted(value)} ne fait pas partie des options (${fr.either(options)})`,
    OPTION_REPEATED: ({ value }) => `${fr.quoted(value)} est sélectionnée plus d’une fois`,
    EXCLUSIVE_OPTION_COMBINED: ({ value }) =>
      `${fr.quoted(value)} ne peut pas être combinée avec d’autres options`,
    NO_OPTION_SELECTED: ({ none }) =>
      `sélectionnez au moins une option (${fr.quoted(none)} si aucune des autres ne s’applique)`,
    NUMBER_EXPECTED: ({ got }) => `un nombre est attendu, reçu : ${fr.value(got)}`,
    NUMBER_NOT_FINITE: ({ value }) => `${value} n’est pas un nombre fini`,
    NUMBER_TOO_SMALL: ({ value, min, unit }) =>
      `${fr.number(value)} est inférieur au minimum de ${fr.number(min)}${inUnit(unit, 'fr')}`,
    NUMBER_TOO_LARGE: ({ value, max, unit }) =>
      `${fr.number(value)} est supérieur au maximum de ${fr.number(max)}${inUnit(unit, 'fr')}`,
    DATE_EXPECTED: ({ got }) => `une date au format AAAA-MM-JJ est attendue, reçu : ${fr.value(got)}`,
    DATE_INVALID: ({ value }) => `${fr.quoted(value)} n’est pas une date réelle au format AAAA-MM-JJ`,
    TEXT_EXPECTED: ({ got }) => `un texte est attendu, reçu : ${fr.value(got)}`,
    TEXT_EMPTY: () => 'le texte est vide',
    TEXT_TOO_LONG: ({ length, max }) =>
      `le texte compte ${fr.counted(length, characters.fr)}, au-delà du maximum de ${fr.count(max)}`,
    TEXT_HAS_NUL: () => 'le texte contient un caractère NUL',
    URL_EXPECTED: ({ got }) => `une URL est attendue, reçu : ${fr.value(got)}`,
    URL_EMPTY: () => 'l’URL est vide',
    URL_TOO_LONG: ({ length, max }) =>
      `l’URL compte ${fr.counted(length, characters.fr)}, au-delà du maximum de ${fr.count(max)}`,
    URL_HAS_WHITESPACE: ({ value }) => `${fr.quoted(value)} contient des espaces`,
    URL_NOT_ABSOLUTE: ({ value }) => `${fr.quoted(value)} n’est pas une URL absolue`,
    URL_NOT_HTTP: ({ value }) => `${fr.quoted(value)} doit commencer par http:// ou https://`,
    URL_INVALID: ({ value }) => `${fr.quoted(value)} n’est pas une URL valide`,
    URL_HAS_CREDENTIALS: ({ value }) =>
      `${fr.quoted(value)} ne doit contenir ni nom d’utilisateur ni mot de passe`,
  },
};

/** The sentence of each requirement-status problem, in English and in French. */
export const REQUIREMENT_STATUS_MESSAGES: MessageCatalogues<RequirementStatusProblem> = {
  en: {
    STATUS_OBJECT_EXPECTED: ({ got }) => `expected { kind, justification }, got ${en.value(got)}`,
    STATUS_UNEXPECTED_FIELDS: ({ fields }) => `unexpected field ${fields.map(en.quoted).join(', ')}`,
    STATUS_KIND_UNKNOWN: ({ got }) =>
      `${en.value(got)} is not a requirement status (not-applicable or alternative)`,
    ALTERNATIVE_NOT_ALLOWED: () => 'this requirement does not accept an alternative measure',
    JUSTIFICATION_TEXT_EXPECTED: ({ got }) => `expected the justification as text, got ${en.value(got)}`,
    JUSTIFICATION_TOO_SHORT: ({ length, min }) =>
      `the justification is ${en.counted(length, characters.en)} long, below the minimum of ${en.count(min)}`,
    JUSTIFICATION_TOO_LONG: ({ length, max }) =>
      `the justification is ${en.counted(length, characters.en)} long, above the maximum of ${en.count(max)}`,
  },
  fr: {
    STATUS_OBJECT_EXPECTED: ({ got }) => `{ kind, justification } est attendu, reçu : ${fr.value(got)}`,
    STATUS_UNEXPECTED_FIELDS: ({ fields }) =>
      `${fields.length === 1 ? 'champ inattendu' : 'champs inattendus'} ${fields.map(fr.quoted).join(', ')}`,
    STATUS_KIND_UNKNOWN: ({ got }) =>
      `${fr.value(got)} n’est pas un statut d’exigence (not-applicable ou alternative)`,
    ALTERNATIVE_NOT_ALLOWED: () => 'cette exigence n’accepte pas de mesure alternative',
    JUSTIFICATION_TEXT_EXPECTED: ({ got }) => `la justification doit être un texte, reçu : ${fr.value(got)}`,
    JUSTIFICATION_TOO_SHORT: ({ length, min }) =>
      `la justification compte ${fr.counted(length, characters.fr)}, en deçà du minimum de ${fr.count(min)}`,
    JUSTIFICATION_TOO_LONG: ({ length, max }) =>
      `la justification compte ${fr.counted(length, characters.fr)}, au-delà du maximum de ${fr.count(max)}`,
  },
};

/** Why an answer was refused, in one language, after the question's key: `MSM-2-q1: …`. */
export function answerMessage(questionKey: string, problem: AnswerProblem, locale: Locale): string {
  return WORDING[locale].about(questionKey, problemMessage(ANSWER_MESSAGES, problem, locale));
}

/** Why a requirement status was refused, in one language, after the requirement's key: `MSM-1: …`. */
export function requirementStatusMessage(
  requirementKey: string,
  problem: RequirementStatusProblem,
  locale: Locale,
): string {
  return WORDING[locale].about(requirementKey, problemMessage(REQUIREMENT_STATUS_MESSAGES, problem, locale));
}
