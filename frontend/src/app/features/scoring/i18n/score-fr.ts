import { type ScoreDictionary } from './score-en';

/** French texts of the score page, the live preview and the methodology. */
export const scoreFr: ScoreDictionary = {
  title: 'Score',
  heading: 'Score : {title}',
  back: 'Retour à la liste de contrôle',
  loading: 'Chargement du score…',
  loadFailed: 'Le score n’a pas pu être chargé.',
  retry: 'Réessayer',
  link: 'Voir le score',
  submission: 'Révision {revision}, empreinte du contenu :',
  pending: {
    title: 'Calcul du score…',
    explain: 'Votre soumission est en cours d’évaluation. Le résultat s’affichera ici dès qu’il sera prêt.',
    slow: 'Le calcul prend plus de temps que d’habitude. Vérifiez de nouveau dans un instant.',
    checkAgain: 'Vérifier de nouveau',
  },
  failed: {
    title: 'Échec du calcul du score',
    reason: 'Motif : {reason}',
    noReason: 'Aucun motif n’a été enregistré.',
  },
  draft: {
    title: 'Pas encore soumise',
    explain: 'Cette évaluation est encore un brouillon. Elle reçoit un score une fois soumise.',
    link: 'Aller à la liste de contrôle',
  },
  framework: {
    score: 'Score',
    outOf: 'sur 100',
    rating: 'Niveau',
    noScore: 'Aucune exigence ne compte encore dans ce score.',
    capped:
      'Niveau plafonné : une exigence critique est sous son seuil, le niveau reste donc au plus bas quel que soit le score.',
  },
  light: {
    green: 'Vert',
    amber: 'Orange',
    red: 'Rouge',
    none: 'Non évalué',
  },
  sections: {
    title: 'Sections',
    score: '{score} / 100',
  },
  critical: {
    title: 'Défaillances critiques',
    none: 'Aucune défaillance critique.',
    detail: 'Obtient {score} % alors qu’il faut au moins {threshold} %.',
  },
  gaps: {
    title: 'Écarts et recommandations',
    intro: 'Les plus importants d’abord : les exigences critiques, puis les plus gros écarts pondérés.',
    none: 'Aucun écart : toutes les exigences prises en compte sont pleinement satisfaites.',
    critical: 'Critique',
    score: 'Actuellement {score} %',
    questions: 'Questions à revoir :',
    coveredBy: 'Évaluée par {requirement} dans {framework} (réponse donnée une seule fois).',
  },
  coverage: {
    title: 'Réponses données une seule fois',
    text: '{viaMapping} exigences sur {counted} comptées grâce à des réponses données une seule fois dans un autre référentiel ({percent} % du poids).',
  },
  meta: {
    engine: 'Version du moteur {version}',
    computedAt: 'Calculé le {date}',
  },
  methodology: {
    open: 'Comment est-ce calculé ?',
    title: 'Méthodologie de calcul',
    loading: 'Chargement de la méthodologie…',
    loadFailed: 'La méthodologie n’a pas pu être chargée.',
    close: 'Fermer',
  },
  preview: {
    title: 'Aperçu du score',
    badge: 'Aperçu',
    explain:
      'Calculé dans votre navigateur à partir des réponses actuelles. Le score officiel est calculé à la soumission.',
    outOf: '{score} / 100',
    noScore: 'Pas encore de score',
    criticalFailures: 'Défaillances critiques : {count}',
    unavailable: 'L’aperçu n’est pas disponible pour cette évaluation.',
  },
};
