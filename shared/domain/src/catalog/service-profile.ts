import type { LocalizedText, ValidationResult } from './catalog.types';
import { lazyValidator, schemaProblems } from './ajv-validation';

/** What a service does; requirement applicability is expressed over these features. */
export const SERVICE_FEATURES = [
  'userMedia',
  'livestreaming',
  'generativeAi',
  'under18Accounts',
  'messaging',
  'endToEndEncryption',
  'search',
  'appStore',
  'fileStorage',
  'usReportingDuty',
  'deviceMaker',
] as const;

export type ServiceFeature = (typeof SERVICE_FEATURES)[number];

export const SERVICE_FEATURE_LABELS: Readonly<Record<ServiceFeature, LocalizedText>> = {
  userMedia: { en: 'User images or video', fr: 'Images ou vidéos des utilisateurs' },
  livestreaming: { en: 'Livestreaming', fr: 'Diffusion en direct' },
  generativeAi: { en: 'Generative AI', fr: 'IA générative' },
  under18Accounts: { en: 'Under-18 users', fr: 'Utilisateurs de moins de 18 ans' },
  messaging: { en: 'User-to-user messaging', fr: 'Messagerie entre utilisateurs' },
  endToEndEncryption: { en: 'End-to-end encryption', fr: 'Chiffrement de bout en bout' },
  search: { en: 'Search', fr: 'Moteur de recherche' },
  appStore: { en: 'App store', fr: "Magasin d'applications" },
  fileStorage: { en: 'Cloud file storage or sharing', fr: 'Stockage ou partage de fichiers en ligne' },
  usReportingDuty: {
    en: 'US reporting duty (18 USC 2258A)',
    fr: 'Obligation de signalement américaine (18 USC 2258A)',
  },
  deviceMaker: { en: 'Device maker', fr: "Fabricant d'appareils" },
};

/**
 * Size by monthly active users (MAU) worldwide: small < 100k; medium 100k to < 5M;
 * large 5M to < 45M; very-large ≥ 45M (the EU threshold for very large online platforms).
 */
export const SIZE_BANDS = ['small', 'medium', 'large', 'very-large'] as const;

export type SizeBand = (typeof SIZE_BANDS)[number];

export interface SizeBandRange {
  minMonthlyActiveUsers: number;
  /** Exclusive upper bound; `null` for the top band. */
  maxMonthlyActiveUsers: number | null;
  label: LocalizedText;
}

export const SIZE_BAND_RANGES: Readonly<Record<SizeBand, SizeBandRange>> = {
  small: {
    minMonthlyActiveUsers: 0,
    maxMonthlyActiveUsers: 100_000,
    label: {
      en: 'Small (under 100,000 monthly users)',
      fr: 'Petit (moins de 100 000 utilisateurs par mois)',
    },
  },
  medium: {
    minMonthlyActiveUsers: 100_000,
    maxMonthlyActiveUsers: 5_000_000,
    label: { en: 'Medium (100,000 to 5 million)', fr: 'Moyen (de 100 000 à 5 millions)' },
  },
  large: {
    minMonthlyActiveUsers: 5_000_000,
    maxMonthlyActiveUsers: 45_000_000,
    label: { en: 'Large (5 to 45 million)', fr: 'Grand (de 5 à 45 millions)' },
  },
  'very-large': {
    minMonthlyActiveUsers: 45_000_000,
    maxMonthlyActiveUsers: null,
    label: { en: 'Very large (45 million or more)', fr: 'Très grand (45 millions ou plus)' },
  },
};

export function sizeBandForMonthlyActiveUsers(monthlyActiveUsers: number): SizeBand {
  const band = SIZE_BANDS.find((candidate) => {
    const { maxMonthlyActiveUsers } = SIZE_BAND_RANGES[candidate];
    return maxMonthlyActiveUsers === null || monthlyActiveUsers < maxMonthlyActiveUsers;
  });
  return band ?? 'very-large';
}

export const SECTORS = [
  'social-media',
  'messaging',
  'gaming',
  'video-sharing',
  'dating',
  'generative-ai',
  'cloud-storage',
  'search',
  'app-store',
  'marketplace',
  'education',
  'other',
] as const;

export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Readonly<Record<Sector, LocalizedText>> = {
  'social-media': { en: 'Social media', fr: 'Réseau social' },
  messaging: { en: 'Messaging', fr: 'Messagerie' },
  gaming: { en: 'Gaming', fr: 'Jeu vidéo' },
  'video-sharing': { en: 'Video sharing', fr: 'Partage de vidéos' },
  dating: { en: 'Dating', fr: 'Rencontres' },
  'generative-ai': { en: 'Generative AI', fr: 'IA générative' },
  'cloud-storage': { en: 'Cloud storage', fr: 'Stockage en ligne' },
  search: { en: 'Search', fr: 'Recherche' },
  'app-store': { en: 'App store', fr: "Magasin d'applications" },
  marketplace: { en: 'Marketplace', fr: 'Place de marché' },
  education: { en: 'Education', fr: 'Éducation' },
  other: { en: 'Other', fr: 'Autre' },
};

export interface ServiceProfile {
  features: Record<ServiceFeature, boolean>;
  sizeBand: SizeBand;
  /** ISO 3166-1 alpha-2 codes, upper case (e.g. 'FR'). */
  jurisdictions: string[];
  /** BCP 47 tags, lower case (e.g. 'en', 'fr', 'pt-br'). */
  languages: string[];
  sector: Sector;
}

export const SERVICE_PROFILE_JSON_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://beacon.invalid/schemas/service-profile.json',
  title: 'Beacon service profile',
  type: 'object',
  required: ['features', 'sizeBand', 'jurisdictions', 'languages', 'sector'],
  additionalProperties: false,
  properties: {
    features: {
      type: 'object',
      required: [...SERVICE_FEATURES],
      additionalProperties: false,
      properties: Object.fromEntries(SERVICE_FEATURES.map((feature) => [feature, { type: 'boolean' }])),
    },
    sizeBand: { type: 'string', enum: [...SIZE_BANDS] },
    jurisdictions: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', pattern: '^[A-Z]{2}$' },
    },
    languages: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', pattern: '^[a-z]{2,3}(-[a-z0-9]{2,8})*$' },
    },
    sector: { type: 'string', enum: [...SECTORS] },
  },
} as const;

const serviceProfileValidator = lazyValidator(SERVICE_PROFILE_JSON_SCHEMA);

export function validateServiceProfile(value: unknown): ValidationResult<ServiceProfile> {
  const problems = schemaProblems(serviceProfileValidator(), value);
  return problems.length === 0 ? { ok: true, value: value as ServiceProfile } : { ok: false, problems };
}

/** A profile with every feature switched off, to build on in tests and forms. */
export function emptyServiceFeatures(): Record<ServiceFeature, boolean> {
  return Object.fromEntries(SERVICE_FEATURES.map((feature) => [feature, false])) as Record<
    ServiceFeature,
    boolean
  >;
}
