import { type EvidenceDictionary } from './evidence-i18n';

/** French texts of the evidence feature. */
export const evidenceFr: EvidenceDictionary = {
  title: 'Preuves',
  guidance:
    'Une preuve montre qu’une mesure est en place : politiques, captures d’écran de réglages, indicateurs et rapports. Ne téléversez jamais de contenu d’abus, ni aucune image d’enfant.',
  drop: 'Déposez des fichiers ici, ou',
  choose: 'choisissez des fichiers',
  chooseLabel: 'Choisir des fichiers de preuve pour {requirement}',
  types: 'PDF, PNG, JPEG, texte, CSV, Word ou Excel.',
  dropLabel: 'Zone de dépôt des preuves de {requirement}',
  addLink: 'Ajouter un lien',
  linkUrl: 'Adresse (https://…)',
  linkTitle: 'Titre du lien',
  linkSave: 'Ajouter le lien',
  linkInvalid: 'Indiquez une adresse http ou https et un titre.',
  empty: 'Aucune preuve pour l’instant.',
  hash: 'SHA-256 {hash}…',
  hashLabel: 'Empreinte SHA-256 {hash}',
  download: 'Télécharger',
  downloadLabel: 'Télécharger {name}',
  remove: 'Retirer',
  removeLabel: 'Retirer {name}',
  uploading: 'Envoi de {name}',
  uploadProgress: 'Envoi de {name} — {percent} %',
  tooLarge:
    '{name} n’a pas été ajouté : il dépasse la taille maximale d’un fichier, ou le quota de stockage de votre organisation est atteint.',
  unsupported:
    '{name} n’a pas été ajouté : ce type de fichier n’est pas accepté. Utilisez PDF, PNG, JPEG, texte, CSV, Word ou Excel.',
  failed: '{name} n’a pas été ajouté : {message}',
  dismiss: 'Fermer',
  cancel: 'Annuler',
  loadFailed: 'Les preuves n’ont pas pu être chargées.',
  actionFailed: 'Cela n’a pas fonctionné : {message}',
};
