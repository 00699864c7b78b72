/** English texts of the public `/verify` page (registered under `verify.`). */
export const verifyEn = {
  title: 'Verify a report',
  intro:
    'Check that a report file was issued by Beacon and has not been changed since: drop the file below, or choose it.',
  privacy:
    'The file is sent only to the Beacon service, which compares it with the reports it issued and does not keep it. It is sent nowhere else.',
  keys: 'To check signatures yourself, Beacon publishes its public signing keys.',
  keysLink: 'Public signing keys',
  drop: {
    label: 'Report file to verify',
    text: 'Drop a report file here',
    or: 'or',
    choose: 'Choose a file',
    limit: 'PDF, JSON, CSV or OSCAL report, up to {size} MiB.',
  },
  checking: 'Checking {name}…',
  file: 'File checked: {name} ({size})',
  valid: {
    title: 'Issued by Beacon for {organization}',
    explain:
      'This is exactly the file Beacon issued: its SHA-256 digest is on record and its signature is valid.',
  },
  invalid: {
    title: 'Not issued by Beacon (or altered)',
    explain:
      'Beacon did not issue this exact file. Either it comes from somewhere else, or it was changed after it was issued: a single changed byte is enough.',
  },
  details: {
    organization: 'Organization',
    assessment: 'Assessment',
    snapshot: 'Submission (snapshot)',
    contentHash: 'Content hash of the submission',
    issuedAt: 'Issued on',
    format: 'Format',
    language: 'Language',
    sha256: 'SHA-256 of the file',
    keyId: 'Signing key id',
  },
  format: {
    pdf: 'PDF',
    json: 'JSON',
    csv: 'CSV',
    oscal: 'OSCAL',
  },
  locale: {
    en: 'English',
    fr: 'French',
  },
  errors: {
    tooLarge: '{name} is larger than {size} MiB: it cannot be a Beacon report, so it was not sent.',
    empty: '{name} is empty: there is nothing to verify.',
    failed: 'The file could not be verified: {message}',
  },
  another: 'Verify another file',
};
