export * from './catalog.constants';
export type * from './catalog.types';
export * from './service-profile';
export {
  FRAMEWORK_JSON_SCHEMA,
  KEBAB_CASE_PATTERN,
  QUESTION_KEY_PATTERN,
  REQUIREMENT_KEY_PATTERN,
  SEMVER_PATTERN,
} from './framework.schema';
export { MAPPING_SET_JSON_SCHEMA, MAPPING_SET_SLUG_PATTERN } from './mapping-set.schema';
export { validateFrameworkDocument } from './validate-framework';
export { validateMappingSet } from './validate-mapping-set';
export { validateCatalog } from './validate-catalog';
export type { CatalogFile, CatalogValidationResult } from './validate-catalog';
export {
  criticalThresholdOf,
  frameworkQuestions,
  frameworkRequirements,
  frameworkVersionKey,
  isScoredQuestion,
  isScoredRequirement,
  lowestRatingBand,
  questionWeight,
  ratingBandFor,
} from './framework-navigation';
export {
  applicableRequirements,
  appliesTo,
  describeApplicability,
  formatApplicability,
  isRequirementApplicable,
} from './applicability';
export { byText, compareVersions } from './versions';
