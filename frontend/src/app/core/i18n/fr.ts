import { type Translations } from './translations';

/** French dictionary: `Translations` makes a missing or extra key a compile error. */
export const fr: Translations = {
  app: {
    name: 'Beacon',
    skipToContent: 'Aller au contenu principal',
  },
  nav: {
    assessments: 'Évaluations',
    label: 'Navigation principale',
    open: 'Ouvrir la navigation',
    close: 'Fermer la navigation',
    home: 'Accueil',
    status: 'État du système',
    verify: 'Vérifier un rapport',
    frameworks: 'Référentiels',
    members: 'Membres',
    audit: 'Journal d’audit',
  },
  account: {
    signIn: 'Se connecter',
    signUp: 'Créer un compte',
    signOut: 'Se déconnecter',
    profile: 'Profil',
    menu: 'Compte de {name}',
    organization: 'Organisation active : {name}',
  },
  language: {
    label: 'Langue',
    en: 'English (EN)',
    fr: 'Français (FR)',
  },
  errors: {
    network: 'Le serveur Beacon est injoignable. Vérifiez votre connexion et réessayez.',
    unexpected: 'Une erreur est survenue (HTTP {status}).',
    reference: 'Référence : {id}',
    dismiss: 'Fermer',
  },
};
