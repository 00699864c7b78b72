import { type HomeDictionary } from './home-i18n';

/** French texts of the home page (same keys as `homeEn`). */
export const homeFr: HomeDictionary = {
  title: 'Bienvenue sur Beacon',
  what: 'Beacon est un outil d’auto-évaluation de la conformité des plateformes en ligne en matière de protection de l’enfance.',
  who: 'Il s’adresse aux équipes Trust & Safety des plateformes en ligne, ainsi qu’aux régulateurs et aux ONG qui travaillent avec elles.',
  how: 'Les équipes répondent à des questions issues de référentiels reconnus de protection de l’enfance, puis voient où en sont leurs pratiques et ce qu’il reste à améliorer.',
  why: 'Les résultats sont conservés, ce qui permet de suivre et d’expliquer les progrès dans le temps.',
  statusLink: 'Consulter l’état du système',
};
