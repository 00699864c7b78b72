/**
 * The English dictionary. It is the reference: its shape defines `Translations`, so every other
 * dictionary must have exactly the same keys.
 */
export const en = {
  app: {
    name: 'Beacon',
    skipToContent: 'Skip to main content',
  },
  nav: {
    assessments: 'Assessments',
    label: 'Main navigation',
    open: 'Open navigation',
    close: 'Close navigation',
    home: 'Home',
    status: 'System status',
    verify: 'Verify a report',
    frameworks: 'Frameworks',
    members: 'Members',
    audit: 'Audit log',
  },
  account: {
    signIn: 'Sign in',
    signUp: 'Sign up',
    signOut: 'Sign out',
    profile: 'Profile',
    menu: 'Account of {name}',
    organization: 'Active organization: {name}',
  },
  language: {
    label: 'Language',
    en: 'English (EN)',
    fr: 'Français (FR)',
  },
  errors: {
    network: 'The Beacon server cannot be reached. Check your connection and try again.',
    unexpected: 'Something went wrong (HTTP {status}).',
    reference: 'Reference: {id}',
    dismiss: 'Dismiss',
  },
};
