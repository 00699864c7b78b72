/** English texts of the evidence feature (registered under `evidence.` where its zone is shown). */
export const evidenceEn = {
  title: 'Evidence',
  guidance:
    'Evidence shows that a measure is in place: policies, screenshots of settings, metrics and reports. Never upload abuse material, and never any image of a child.',
  drop: 'Drop files here, or',
  choose: 'choose files',
  chooseLabel: 'Choose evidence files for {requirement}',
  types: 'PDF, PNG, JPEG, text, CSV, Word or Excel.',
  dropLabel: 'Drop zone for evidence files of {requirement}',
  addLink: 'Add a link',
  linkUrl: 'Address (https://…)',
  linkTitle: 'Title of the link',
  linkSave: 'Add the link',
  linkInvalid: 'Give an http or https address and a title.',
  empty: 'No evidence yet.',
  hash: 'SHA-256 {hash}…',
  hashLabel: 'SHA-256 fingerprint {hash}',
  download: 'Download',
  downloadLabel: 'Download {name}',
  remove: 'Remove',
  removeLabel: 'Remove {name}',
  uploading: 'Uploading {name}',
  uploadProgress: 'Uploading {name} — {percent}%',
  tooLarge:
    '{name} was not added: it is over the size limit for one file, or your organization’s storage quota is full.',
  unsupported:
    '{name} was not added: this kind of file is not accepted. Use PDF, PNG, JPEG, text, CSV, Word or Excel.',
  failed: '{name} was not added: {message}',
  dismiss: 'Dismiss',
  cancel: 'Cancel',
  loadFailed: 'The evidence could not be loaded.',
  actionFailed: 'That did not work: {message}',
};
