import { type Widen } from '../../../core/i18n/translations';

/** English texts of the reports panel on the score page (registered under `reports.`). */
export const reportsEn = {
  title: 'Reports',
  intro:
    'Sealed copies of this submission: each file carries a SHA-256 digest and a digital signature, so anyone can check it later.',
  loading: 'Loading the reports…',
  loadFailed: 'The reports could not be loaded: {message}',
  retry: 'Try again',
  empty: 'No report of this submission yet.',
  listLabel: 'Reports of this submission',
  format: {
    pdf: 'PDF',
    json: 'JSON',
    csv: 'CSV',
    oscal: 'OSCAL',
  },
  /** A language inside a sentence. */
  locale: {
    en: 'English',
    fr: 'French',
  },
  /** A language on its own (a choice in the form). */
  localeOption: {
    en: 'English',
    fr: 'French',
  },
  itemTitle: '{format} report, {language}',
  status: {
    queued: 'Queued',
    rendering: 'Rendering',
    ready: 'Ready',
    failed: 'Failed',
  },
  progress: '{format} report, {language}: {progress}% done',
  automatic: 'Made automatically after scoring',
  requested: 'Requested on {date}',
  completed: 'Sealed on {date}',
  size: 'Size: {size}',
  failureReason: 'Reason: {reason}',
  noReason: 'No reason was recorded.',
  stalled: 'This is taking longer than usual.',
  checkAgain: 'Check again',
  announce: {
    requested: '{format} report, {language}, requested.',
    ready: '{format} report, {language}, is ready.',
    failed: '{format} report, {language}, failed.',
  },
  download: 'Download',
  downloadLabel: 'Download the {format} report, {language}',
  downloadFailed: 'The download failed: {message}',
  digest: {
    label: 'SHA-256',
    full: 'SHA-256 digest: {hash}',
    hint: 'Focus or point at the digest to see it in full.',
    copy: 'Copy',
    copyLabel: 'Copy the SHA-256 digest of the {format} report, {language}',
    copied: 'Digest copied to the clipboard.',
    copyFailed: 'The digest could not be copied: select it and copy it by hand.',
  },
  keyId: 'Signing key',
  keyIdFull: 'Signing key id: {keyId}',
  verify: {
    action: 'Verify',
    label: 'Verify the stored {format} report, {language}',
    checking: 'Checking…',
    valid: 'Verified: the stored file matches its digest and signature.',
    invalid: 'Not valid: the stored file does not match its digest or signature.',
    unknownKey: 'The signing key is not known to this server.',
    failed: 'The check failed: {message}',
  },
  retryFailed: 'Generate again',
  generate: {
    title: 'Generate a report',
    format: 'Format',
    language: 'Language',
    submit: 'Generate',
    busy: 'Asking…',
    notScored: 'This submission is not scored yet: reports can be generated once its score is ready.',
    notSubmitted:
      'This assessment has not been submitted yet: submit it, then generate reports once it is scored.',
    failed: 'The report could not be requested: {message}',
    existing: 'This report already exists: it is listed below.',
  },
};

/** The shape of the reports texts: exactly the keys of the English ones. */
export type ReportsDictionary = Widen<typeof reportsEn>;
