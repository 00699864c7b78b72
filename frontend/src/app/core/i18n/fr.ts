import { type Translations } from './translations';

/** French dictionary: `Translations` makes a missing or extra key a compile error. */
export const fr: Translations = {
  app: {
    name: 'Beacon',
    skipToContent: 'Aller au contenu principal',
  },
  nav: {
    label: 'Navigation principale',
    open: 'Ouvrir la navigation',
    close: 'Fermer la navigation',
    home: 'Accueil',
    status: 'État du système',
    frameworks: 'Référentiels',
  },
  language: {
    label: 'Langue',
    en: 'English (EN)',
    fr: 'Français (FR)',
  },
  home: {
    title: 'Bienvenue sur Beacon',
    what: 'Beacon est un outil d’auto-évaluation de la conformité des plateformes en ligne en matière de protection de l’enfance.',
    who: 'Il s’adresse aux équipes Trust & Safety des plateformes en ligne, ainsi qu’aux régulateurs et aux ONG qui travaillent avec elles.',
    how: 'Les équipes répondent à des questions issues de référentiels reconnus de protection de l’enfance, puis voient où en sont leurs pratiques et ce qu’il reste à améliorer.',
    why: 'Les résultats sont conservés, ce qui permet de suivre et d’expliquer les progrès dans le temps.',
    statusLink: 'Consulter l’état du système',
  },
  status: {
    title: 'État du système',
    intro: 'L’état de chaque composant de Beacon. Cette page s’actualise toutes les {seconds} secondes.',
    loading: 'Vérification…',
    refresh: 'Actualiser',
    loadFailed: 'L’API de Beacon est injoignable. La page continue d’essayer.',
    version: 'Version {version}',
    checkedAt: 'Dernière vérification : {time}',
    state: {
      up: 'Opérationnel',
      down: 'Indisponible',
      unknown: 'Inconnu',
    },
    components: {
      api: { title: 'API', description: 'Répond aux requêtes de l’application web.' },
      database: {
        title: 'Base de données',
        description: 'Conserve les référentiels, les évaluations et les résultats.',
      },
      redis: {
        title: 'Redis',
        description: 'Transmet les tâches entre l’API et les processus de traitement.',
      },
      worker: {
        title: 'Processus de traitement',
        description: 'Exécutent les tâches de fond, comme le calcul des scores et les rapports.',
      },
    },
    workers: {
      title: 'Processus de traitement',
      caption: 'Processus de traitement qui se sont signalés récemment',
      id: 'Identifiant',
      host: 'Hôte',
      queues: 'Files',
      lastSeen: 'Dernier signal',
      state: 'État',
      empty: 'Aucun processus de traitement ne s’est signalé.',
    },
    probe: {
      title: 'Test de la chaîne de traitement',
      description:
        'Envoie une tâche de test à chaque file de traitement via Redis et mesure le temps de réponse.',
      run: 'Lancer le test de la chaîne',
      running: 'Test de la chaîne en cours…',
      roundTrip: 'Aller-retour : {ms} ms',
      answered: 'Files ayant répondu',
      answer: '{queue} : réponse de {worker}',
      noAnswers: 'Aucune file n’a répondu.',
      timedOut: 'Le test ne s’est pas terminé en {seconds} secondes.',
      failed: 'Le test n’a pas pu être lancé.',
    },
  },
  errors: {
    network: 'Le serveur Beacon est injoignable. Vérifiez votre connexion et réessayez.',
    unexpected: 'Une erreur est survenue (HTTP {status}).',
    reference: 'Référence : {id}',
    dismiss: 'Fermer',
  },
};
