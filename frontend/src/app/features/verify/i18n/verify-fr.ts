import { type VerifyDictionary } from './verify-i18n';

/** French texts of the `/verify` page (same keys as `verifyEn`). */
export const verifyFr: VerifyDictionary = {
  title: 'Vérifier un rapport',
  intro:
    'Vérifiez qu’un fichier de rapport a bien été émis par Beacon et n’a pas été modifié depuis : déposez le fichier ci-dessous, ou choisissez-le.',
  privacy:
    'Le fichier est envoyé uniquement au service Beacon, qui le compare aux rapports qu’il a émis et ne le conserve pas. Il n’est envoyé nulle part ailleurs.',
  keys: 'Pour vérifier vous-même les signatures, Beacon publie ses clés publiques de signature.',
  keysLink: 'Clés publiques de signature',
  drop: {
    label: 'Fichier de rapport à vérifier',
    text: 'Déposez un fichier de rapport ici',
    or: 'ou',
    choose: 'Choisir un fichier',
    limit: 'Rapport PDF, JSON, CSV ou OSCAL, jusqu’à {size} Mio.',
  },
  checking: 'Vérification de {name}…',
  file: 'Fichier vérifié : {name} ({size})',
  valid: {
    title: 'Émis par Beacon pour {organization}',
    explain:
      'C’est exactement le fichier émis par Beacon : son empreinte SHA-256 est enregistrée et sa signature est valide.',
  },
  invalid: {
    title: 'Non émis par Beacon (ou modifié)',
    explain:
      'Beacon n’a pas émis ce fichier tel quel. Soit il provient d’ailleurs, soit il a été modifié après son émission : un seul octet changé suffit.',
  },
  details: {
    organization: 'Organisation',
    assessment: 'Évaluation',
    snapshot: 'Soumission (instantané)',
    contentHash: 'Empreinte du contenu de la soumission',
    issuedAt: 'Émis le',
    format: 'Format',
    language: 'Langue',
    sha256: 'SHA-256 du fichier',
    keyId: 'Identifiant de la clé de signature',
  },
  format: {
    pdf: 'PDF',
    json: 'JSON',
    csv: 'CSV',
    oscal: 'OSCAL',
  },
  locale: {
    en: 'Anglais',
    fr: 'Français',
  },
  errors: {
    tooLarge:
      '{name} dépasse {size} Mio : ce ne peut pas être un rapport Beacon, il n’a donc pas été envoyé.',
    empty: '{name} est vide : il n’y a rien à vérifier.',
    failed: 'Le fichier n’a pas pu être vérifié : {message}',
  },
  another: 'Vérifier un autre fichier',
};
