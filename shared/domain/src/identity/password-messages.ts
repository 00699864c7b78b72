import type { Locale } from '../catalog/catalog.types';
import { type MessageCatalogues, problemMessage, WORDING } from '../problem';
import type { PasswordProblem } from './password-policy';

/** Why a password was refused, in English and in French. */
export const PASSWORD_MESSAGES: MessageCatalogues<PasswordProblem> = {
  en: {
    PASSWORD_TOO_SHORT: ({ min }) =>
      `The password must be at least ${WORDING.en.count(min)} characters long.`,
    PASSWORD_TOO_LONG: ({ max }) => `The password must be at most ${WORDING.en.count(max)} characters long.`,
    PASSWORD_COMMON: () => 'This password is too common. Choose one that is harder to guess.',
    PASSWORD_CONTAINS_CONTEXT: () =>
      'The password must not contain your name or the first part of your email address.',
  },
  fr: {
    PASSWORD_TOO_SHORT: ({ min }) =>
      `Le mot de passe doit compter au moins ${WORDING.fr.count(min)} caractères.`,
    PASSWORD_TOO_LONG: ({ max }) =>
      `Le mot de passe doit compter au plus ${WORDING.fr.count(max)} caractères.`,
    PASSWORD_COMMON: () => 'Ce mot de passe est trop courant. Choisissez-en un plus difficile à deviner.',
    PASSWORD_CONTAINS_CONTEXT: () =>
      'Le mot de passe ne doit contenir ni votre nom ni la première partie de votre adresse e-mail.',
  },
};

/** Why a password was refused, in one language. */
export function passwordMessage(problem: PasswordProblem, locale: Locale): string {
  return problemMessage(PASSWORD_MESSAGES, problem, locale);
}
