import { type StatusDictionary } from './status-i18n';

/** French texts of the status page (same keys as `statusEn`). */
export const statusFr: StatusDictionary = {
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
    operatorsOnly: 'Les identifiants et les hôtes des processus ne sont montrés qu’aux opérateurs de la plateforme.',
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
    operatorsOnly: 'Seuls les opérateurs de la plateforme peuvent lancer ce test : connectez-vous avec un compte opérateur.',
  },
};
