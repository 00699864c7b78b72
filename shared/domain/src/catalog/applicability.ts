import type {
  ApplicabilityExpression,
  FrameworkDefinition,
  Locale,
  RequirementDefinition,
} from './catalog.types';
import { frameworkRequirements } from './framework-navigation';
import type { ServiceFeature, ServiceProfile } from './service-profile';
import { SERVICE_FEATURE_LABELS } from './service-profile';

/** Whether the expression holds for the profile; no expression means "every service". */
export function appliesTo(expression: ApplicabilityExpression | undefined, profile: ServiceProfile): boolean {
  if (expression === undefined) return true;
  if (typeof expression === 'string') return profile.features[expression] === true;
  if ('all' in expression) return expression.all.every((part) => appliesTo(part, profile));
  if ('any' in expression) return expression.any.some((part) => appliesTo(part, profile));
  return !appliesTo(expression.not, profile);
}

export function isRequirementApplicable(
  requirement: RequirementDefinition,
  profile: ServiceProfile,
): boolean {
  return appliesTo(requirement.applicability, profile);
}

export function applicableRequirements(
  framework: FrameworkDefinition,
  profile: ServiceProfile,
): RequirementDefinition[] {
  return frameworkRequirements(framework).filter((requirement) =>
    isRequirementApplicable(requirement, profile),
  );
}

/** The features an expression mentions, once each, in order of appearance (for UI chips). */
export function describeApplicability(expression: ApplicabilityExpression | undefined): ServiceFeature[] {
  return [...new Set(featuresOf(expression))];
}

function featuresOf(expression: ApplicabilityExpression | undefined): ServiceFeature[] {
  if (expression === undefined) return [];
  if (typeof expression === 'string') return [expression];
  if ('all' in expression) return expression.all.flatMap(featuresOf);
  if ('any' in expression) return expression.any.flatMap(featuresOf);
  return featuresOf(expression.not);
}

const WORDS: Readonly<Record<Locale, { all: string; any: string; not: string; everyService: string }>> = {
  en: { all: ' and ', any: ' or ', not: 'without ', everyService: 'Every service' },
  fr: { all: ' et ', any: ' ou ', not: 'sans ', everyService: 'Tous les services' },
};

/** A readable sentence fragment, e.g. "Under-18 users and User-to-user messaging". */
export function formatApplicability(expression: ApplicabilityExpression | undefined, locale: Locale): string {
  if (expression === undefined) return WORDS[locale].everyService;
  return formatExpression(expression, locale, false);
}

function formatExpression(expression: ApplicabilityExpression, locale: Locale, nested: boolean): string {
  const words = WORDS[locale];
  if (typeof expression === 'string') return SERVICE_FEATURE_LABELS[expression][locale];
  if ('not' in expression) return `${words.not}${formatExpression(expression.not, locale, true)}`;
  const [parts, separator] = 'all' in expression ? [expression.all, words.all] : [expression.any, words.any];
  const text = parts.map((part) => formatExpression(part, locale, true)).join(separator);
  return nested && parts.length > 1 ? `(${text})` : text;
}
