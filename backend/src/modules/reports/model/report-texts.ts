import type { Locale, RatingColor, RequirementBasis, RequirementOutcome } from '@beacon/domain';

/** Every fixed text a report prints, in English and French. Catalogue texts come from the frameworks. */
export interface ReportTexts {
  documentTitle: string;
  coverSubtitle: string;
  preparedFor: string;
  assessment: string;
  revision: string;
  frameworks: string;
  submittedOn: string;
  issuedOn: string;
  reportId: string;
  snapshot: string;
  contentHash: string;
  rating: string;
  score: string;
  notRated: string;
  cappedNote: string;
  contents: string;
  page: string;
  executiveSummary: string;
  summaryIntro: (organization: string, frameworks: number, submittedOn: string) => string;
  summaryFramework: (args: { title: string; score: string; rating: string; counted: number; met: number; partial: number; notMet: number }) => string;
  summaryCritical: (count: number) => string;
  summaryGaps: (count: number) => string;
  summaryMapping: (count: number, percent: string) => string;
  overview: string;
  overviewIntro: string;
  overall: string;
  noCountedRequirement: string;
  criticalFailures: string;
  criticalFailuresIntro: string;
  noCriticalFailure: string;
  threshold: string;
  remediationPlan: string;
  remediationIntro: string;
  noGap: string;
  priority: string;
  owner: string;
  unassigned: string;
  recommendation: string;
  requirementTable: string;
  requirementTableIntro: string;
  requirement: string;
  result: string;
  answersAndNotes: string;
  evidence: string;
  noAnswer: string;
  note: string;
  noEvidence: string;
  link: string;
  coveredBy: (reference: string) => string;
  justification: string;
  critical: string;
  criticalFailure: string;
  serviceProfile: string;
  serviceProfileIntro: string;
  feature: string;
  present: string;
  absent: string;
  sizeBand: string;
  sector: string;
  jurisdictions: string;
  languages: string;
  notApplicable: string;
  notApplicableIntro: string;
  noNotApplicable: string;
  appliesWhen: string;
  declaredNotApplicable: string;
  attestation: string;
  attestationIntro: string;
  attestedBy: string;
  attestedOn: string;
  statement: string;
  methodology: string;
  methodologyParagraphs: (engineVersion: string) => string[];
  digestSection: string;
  contentDigest: string;
  digestParagraphs: string[];
  footer: (reportId: string, digestPrefix: string, page: number, pages: number) => string;
  outcomes: Record<RequirementOutcome, string>;
  bases: Record<RequirementBasis, string>;
  colors: Record<RatingColor, string>;
  yes: string;
  no: string;
  answerValues: { yes: string; partial: string; no: string; 'not-applicable': string };
  durationUnits: { minutes: string; hours: string; days: string };
  maturityLevel: (level: number, label: string) => string;
  formatDate: (iso: string) => string;
  formatNumber: (value: number) => string;
}

const dateFormat = (locale: string) => {
  // Fixed time zone: the same report renders the same text wherever the worker runs.
  const format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  return (iso: string): string => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
};
const EN_NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const FR_NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

const EN: ReportTexts = {
  documentTitle: 'Child-safety compliance report',
  coverSubtitle: 'Self-assessment results, sealed by Beacon',
  preparedFor: 'Organization',
  assessment: 'Assessment',
  revision: 'Submission',
  frameworks: 'Frameworks',
  submittedOn: 'Submitted on',
  issuedOn: 'Issued on',
  reportId: 'Report id',
  snapshot: 'Submission snapshot',
  contentHash: 'Submission content hash',
  rating: 'Rating',
  score: 'Score',
  notRated: 'Not rated',
  cappedNote: 'capped by a critical failure',
  contents: 'Contents',
  page: 'Page',
  executiveSummary: 'Executive summary',
  summaryIntro: (organization, frameworks, submittedOn) =>
    `${organization} assessed its service against ${frameworks} child-safety framework${frameworks === 1 ? '' : 's'} and submitted the answers on ${submittedOn}. The results below were computed by Beacon from that frozen submission.`,
  summaryFramework: ({ title, score, rating, counted, met, partial, notMet }) =>
    `${title}: ${score}, rated ${rating}. Of ${counted} requirement${counted === 1 ? '' : 's'} counted, ${met} met, ${partial} partially met and ${notMet} not met.`,
  summaryCritical: (count) => (count === 0 ? 'No critical requirement failed.' : `${count} critical requirement${count === 1 ? '' : 's'} failed.`),
  summaryGaps: (count) => (count === 0 ? 'No remediation is needed.' : `${count} requirement${count === 1 ? ' needs' : 's need'} remediation.`),
  summaryMapping: (count, percent) => `${count} requirement${count === 1 ? ' was' : 's were'} answered once through a mapping (${percent} of the counted weight).`,
  overview: 'Overview by section',
  overviewIntro: 'Each bar is the score of one section; its colour is the section’s rating band.',
  overall: 'Overall',
  noCountedRequirement: 'No requirement of this section counts towards the score.',
  criticalFailures: 'Critical failures',
  criticalFailuresIntro: 'Critical requirements that score below their threshold. Any one of them caps the framework’s rating at its lowest band.',
  noCriticalFailure: 'No critical requirement failed.',
  threshold: 'threshold',
  remediationPlan: 'Remediation plan',
  remediationIntro: 'Gaps in priority order: critical requirements first, then by weight × shortfall.',
  noGap: 'Every counted requirement is fully met.',
  priority: 'Priority',
  owner: 'Owner',
  unassigned: 'Unassigned',
  recommendation: 'Recommendation',
  requirementTable: 'Requirements in full',
  requirementTableIntro: 'Every requirement of every framework, with the answers, notes and evidence submitted.',
  requirement: 'Requirement',
  result: 'Result',
  answersAndNotes: 'Answers and notes',
  evidence: 'Evidence',
  noAnswer: 'not answered',
  note: 'Note',
  noEvidence: 'none',
  link: 'link',
  coveredBy: (reference) => `Covered by ${reference}`,
  justification: 'Justification',
  critical: 'critical',
  criticalFailure: 'critical failure',
  serviceProfile: 'Service profile and applicability',
  serviceProfileIntro: 'The service profile decides which requirements apply.',
  feature: 'Feature',
  present: 'yes',
  absent: 'no',
  sizeBand: 'Size',
  sector: 'Sector',
  jurisdictions: 'Jurisdictions',
  languages: 'Languages',
  notApplicable: 'Requirements that do not apply',
  notApplicableIntro: 'Left out of every score, either because of the service profile or by a justified declaration.',
  noNotApplicable: 'Every requirement applies to this service.',
  appliesWhen: 'Applies to',
  declaredNotApplicable: 'Declared not applicable',
  attestation: 'Attestation',
  attestationIntro: 'The submission was attested by:',
  attestedBy: 'Name and title',
  attestedOn: 'Attested on',
  statement: 'Statement',
  methodology: 'Methodology',
  methodologyParagraphs: (engineVersion) => [
    `Scores were computed by Beacon's scoring engine version ${engineVersion} from the submission frozen at attestation: the same submission always gives the same result.`,
    'Each answered question scores between 0 and 1 (yes 1, partial 0.5, no 0; maturity level ÷ 4; choices and figures by the scale the framework defines). A requirement scores the weighted mean of its visible, counted questions and is met at 1, partially met above 0 and not met at 0.',
    'Requirements that do not apply to the service profile, that were declared not applicable with a justification, or that are context only, are left out. An equivalent alternative measure, justified, counts as met. A requirement covered by a broader requirement of another chosen framework (or by an equal one of an earlier framework) is answered once and takes that requirement’s score.',
    'Section and framework scores are the weight-weighted means of their counted requirements, as percentages with one decimal. The framework rating is the band the score falls in; a failed critical requirement lowers it to the lowest band.',
    'Gaps are the counted requirements below 1, critical ones first, then by weight × shortfall; each comes with the framework’s recommendation.',
  ],
  digestSection: 'Integrity of this report',
  contentDigest: 'Content digest (SHA-256)',
  digestParagraphs: [
    'The footer of every page prints the report id and the first 16 hexadecimal characters of the content digest: the SHA-256 of the canonical JSON of this report’s content.',
    'Beacon also stores the SHA-256 of this file and an Ed25519 signature of it. Anyone can upload the file to Beacon’s public verification endpoint to learn whether Beacon issued it unchanged.',
  ],
  footer: (reportId, digestPrefix, page, pages) => `Report ${reportId} · content digest ${digestPrefix} · page ${page} of ${pages}`,
  outcomes: {
    met: 'Met',
    'partially-met': 'Partially met',
    'not-met': 'Not met',
    'not-applicable': 'Not applicable',
    'not-scored': 'Context only',
    'no-data': 'No data',
  },
  bases: {
    'not-applicable-profile': 'Not applicable to the service profile',
    'not-scored': 'Context only, not scored',
    'declared-not-applicable': 'Declared not applicable',
    alternative: 'Equivalent alternative measure',
    mapping: 'Covered through a mapping',
    answers: 'Scored from its answers',
  },
  colors: { green: 'green', amber: 'amber', red: 'red' },
  yes: 'yes',
  no: 'no',
  answerValues: { yes: 'Yes', partial: 'Partially', no: 'No', 'not-applicable': 'Not applicable' },
  durationUnits: { minutes: 'minutes', hours: 'hours', days: 'days' },
  maturityLevel: (level, label) => `Level ${level}: ${label}`,
  formatDate: dateFormat('en-GB'),
  formatNumber: (value) => EN_NUMBER.format(value),
};

const FR: ReportTexts = {
  documentTitle: 'Rapport de conformité sur la protection des enfants',
  coverSubtitle: 'Résultats de l’auto-évaluation, scellés par Beacon',
  preparedFor: 'Organisation',
  assessment: 'Évaluation',
  revision: 'Soumission',
  frameworks: 'Référentiels',
  submittedOn: 'Soumise le',
  issuedOn: 'Émis le',
  reportId: 'Identifiant du rapport',
  snapshot: 'Instantané de la soumission',
  contentHash: 'Empreinte du contenu soumis',
  rating: 'Appréciation',
  score: 'Score',
  notRated: 'Non évalué',
  cappedNote: 'plafonnée par un échec critique',
  contents: 'Sommaire',
  page: 'Page',
  executiveSummary: 'Synthèse',
  summaryIntro: (organization, frameworks, submittedOn) =>
    `${organization} a évalué son service au regard de ${frameworks} référentiel${frameworks === 1 ? '' : 's'} de protection des enfants et a soumis ses réponses le ${submittedOn}. Les résultats ci-dessous ont été calculés par Beacon à partir de cette soumission figée.`,
  summaryFramework: ({ title, score, rating, counted, met, partial, notMet }) =>
    `${title} : ${score}, appréciation « ${rating} ». Sur ${counted} exigence${counted === 1 ? '' : 's'} prise${counted === 1 ? '' : 's'} en compte, ${met} satisfaite${met === 1 ? '' : 's'}, ${partial} partiellement et ${notMet} non satisfaite${notMet === 1 ? '' : 's'}.`,
  summaryCritical: (count) =>
    count === 0 ? 'Aucune exigence critique n’est en échec.' : `${count} exigence${count === 1 ? ' critique est' : 's critiques sont'} en échec.`,
  summaryGaps: (count) =>
    count === 0 ? 'Aucune mesure corrective n’est nécessaire.' : `${count} exigence${count === 1 ? ' appelle' : 's appellent'} une mesure corrective.`,
  summaryMapping: (count, percent) =>
    `${count} exigence${count === 1 ? ' a été renseignée' : 's ont été renseignées'} une seule fois grâce à une correspondance (${percent} du poids pris en compte).`,
  overview: 'Vue d’ensemble par section',
  overviewIntro: 'Chaque barre est le score d’une section ; sa couleur est la bande d’appréciation de la section.',
  overall: 'Global',
  noCountedRequirement: 'Aucune exigence de cette section n’entre dans le score.',
  criticalFailures: 'Échecs critiques',
  criticalFailuresIntro: 'Exigences critiques dont le score est sous leur seuil. Une seule suffit à plafonner l’appréciation du référentiel à sa bande la plus basse.',
  noCriticalFailure: 'Aucune exigence critique n’est en échec.',
  threshold: 'seuil',
  remediationPlan: 'Plan de remédiation',
  remediationIntro: 'Écarts par ordre de priorité : exigences critiques d’abord, puis selon poids × écart.',
  noGap: 'Toutes les exigences prises en compte sont pleinement satisfaites.',
  priority: 'Priorité',
  owner: 'Responsable',
  unassigned: 'Non attribuée',
  recommendation: 'Recommandation',
  requirementTable: 'Détail des exigences',
  requirementTableIntro: 'Toutes les exigences de chaque référentiel, avec les réponses, notes et preuves soumises.',
  requirement: 'Exigence',
  result: 'Résultat',
  answersAndNotes: 'Réponses et notes',
  evidence: 'Preuves',
  noAnswer: 'sans réponse',
  note: 'Note',
  noEvidence: 'aucune',
  link: 'lien',
  coveredBy: (reference) => `Couverte par ${reference}`,
  justification: 'Justification',
  critical: 'critique',
  criticalFailure: 'échec critique',
  serviceProfile: 'Profil du service et applicabilité',
  serviceProfileIntro: 'Le profil du service détermine les exigences applicables.',
  feature: 'Fonctionnalité',
  present: 'oui',
  absent: 'non',
  sizeBand: 'Taille',
  sector: 'Secteur',
  jurisdictions: 'Juridictions',
  languages: 'Langues',
  notApplicable: 'Exigences non applicables',
  notApplicableIntro: 'Exclues de tout score, du fait du profil du service ou d’une déclaration justifiée.',
  noNotApplicable: 'Toutes les exigences s’appliquent à ce service.',
  appliesWhen: 'S’applique à',
  declaredNotApplicable: 'Déclarée non applicable',
  attestation: 'Attestation',
  attestationIntro: 'La soumission a été attestée par :',
  attestedBy: 'Nom et fonction',
  attestedOn: 'Attestée le',
  statement: 'Déclaration',
  methodology: 'Méthodologie',
  methodologyParagraphs: (engineVersion) => [
    `Les scores ont été calculés par le moteur de notation de Beacon, version ${engineVersion}, à partir de la soumission figée lors de l’attestation : une même soumission donne toujours le même résultat.`,
    'Chaque question répondue obtient un score entre 0 et 1 (oui 1, partiellement 0,5, non 0 ; niveau de maturité ÷ 4 ; choix et indicateurs selon l’échelle définie par le référentiel). Une exigence obtient la moyenne pondérée de ses questions visibles prises en compte ; elle est satisfaite à 1, partiellement satisfaite au-dessus de 0 et non satisfaite à 0.',
    'Les exigences qui ne s’appliquent pas au profil du service, déclarées non applicables avec justification, ou purement contextuelles, sont exclues. Une mesure alternative équivalente et justifiée compte comme satisfaite. Une exigence couverte par une exigence plus large d’un autre référentiel choisi (ou par une exigence égale d’un référentiel précédent) n’est renseignée qu’une fois et reprend le score de celle-ci.',
    'Les scores de section et de référentiel sont les moyennes de leurs exigences pondérées par leur poids, en pourcentage à une décimale. L’appréciation du référentiel est la bande où tombe son score ; une exigence critique en échec l’abaisse à la bande la plus basse.',
    'Les écarts sont les exigences prises en compte sous 1, les critiques d’abord, puis selon poids × écart ; chacun est accompagné de la recommandation du référentiel.',
  ],
  digestSection: 'Intégrité de ce rapport',
  contentDigest: 'Empreinte du contenu (SHA-256)',
  digestParagraphs: [
    'Le pied de chaque page indique l’identifiant du rapport et les 16 premiers caractères hexadécimaux de l’empreinte du contenu : le SHA-256 du JSON canonique du contenu de ce rapport.',
    'Beacon conserve aussi le SHA-256 de ce fichier et une signature Ed25519 de celui-ci. Toute personne peut déposer le fichier sur le service public de vérification de Beacon pour savoir si Beacon l’a émis tel quel.',
  ],
  footer: (reportId, digestPrefix, page, pages) => `Rapport ${reportId} · empreinte du contenu ${digestPrefix} · page ${page} sur ${pages}`,
  outcomes: {
    met: 'Satisfaite',
    'partially-met': 'Partiellement satisfaite',
    'not-met': 'Non satisfaite',
    'not-applicable': 'Non applicable',
    'not-scored': 'Contexte seulement',
    'no-data': 'Sans données',
  },
  bases: {
    'not-applicable-profile': 'Non applicable au profil du service',
    'not-scored': 'Contexte seulement, non notée',
    'declared-not-applicable': 'Déclarée non applicable',
    alternative: 'Mesure alternative équivalente',
    mapping: 'Couverte par une correspondance',
    answers: 'Notée d’après ses réponses',
  },
  colors: { green: 'vert', amber: 'orange', red: 'rouge' },
  yes: 'oui',
  no: 'non',
  answerValues: { yes: 'Oui', partial: 'Partiellement', no: 'Non', 'not-applicable': 'Non applicable' },
  durationUnits: { minutes: 'minutes', hours: 'heures', days: 'jours' },
  maturityLevel: (level, label) => `Niveau ${level} : ${label}`,
  formatDate: dateFormat('fr-FR'),
  formatNumber: (value) => FR_NUMBER.format(value).replace(/\u202f|\u00a0/g, ' '),
};

export const REPORT_TEXTS: Readonly<Record<Locale, ReportTexts>> = { en: EN, fr: FR };

/** A percentage as printed: `72.5 %` / `72,5 %`; a dash when there is none. */
export function formatPercent(value: number | null, locale: Locale): string {
  if (value === null) return '—';
  const text = value.toFixed(1);
  return locale === 'fr' ? `${text.replace('.', ',')} %` : `${text}%`;
}
