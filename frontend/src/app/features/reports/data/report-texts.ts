import type { ReportFormat, ReportLocale, ReportResponse, ReportStatus } from '@beacon/contracts';
import { type I18n } from '../../../core/i18n/i18n';
import { type TranslationKey } from '../../../core/i18n/translations';

export const FORMAT_KEYS: Readonly<Record<ReportFormat, TranslationKey>> = {
  pdf: 'reports.format.pdf',
  json: 'reports.format.json',
  csv: 'reports.format.csv',
  oscal: 'reports.format.oscal',
};
const LOCALE_KEYS: Readonly<Record<ReportLocale, TranslationKey>> = {
  en: 'reports.locale.en',
  fr: 'reports.locale.fr',
};
export const LOCALE_OPTION_KEYS: Readonly<Record<ReportLocale, TranslationKey>> = {
  en: 'reports.localeOption.en',
  fr: 'reports.localeOption.fr',
};
export const STATUS_KEYS: Readonly<Record<ReportStatus, TranslationKey>> = {
  queued: 'reports.status.queued',
  rendering: 'reports.status.rendering',
  ready: 'reports.status.ready',
  failed: 'reports.status.failed',
};

/** How a report is named in sentences: its format and its language, in the active locale. */
export function reportLabels(
  i18n: I18n,
  report: Pick<ReportResponse, 'format' | 'locale'>,
): { format: string; language: string } {
  return { format: i18n.t(FORMAT_KEYS[report.format]), language: i18n.t(LOCALE_KEYS[report.locale]) };
}
