/** English texts of the home page: loaded with the page and registered under `home.`. */
export const homeEn = {
  title: 'Welcome to Beacon',
  what: 'Beacon is a self-assessment tool for child-safety compliance on online platforms.',
  who: 'It is built for the trust-and-safety teams of online platforms, and for the regulators and NGOs who work with them.',
  how: 'Teams answer questions drawn from recognised child-safety frameworks, then see where their practices stand and what to improve next.',
  why: 'Results are kept, so progress can be shown and discussed over time.',
  statusLink: 'Check the system status',
};
