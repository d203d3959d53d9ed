/** Governance API messages in English; the keys are the stable error codes (messages-zh.ts has the same). */
export const EN = {
  unauthenticated: 'Sign in required',
  forbidden: 'This requires the {roles} role',
  invalid_request: 'Invalid request: {detail}',
  model_not_found: 'No definitions are stored for model {model}',
  version_not_found: 'Model {model} has no version {versionNo}',
  not_a_draft: 'Version {versionNo} is {status}; only drafts can be edited',
  not_author: 'Only the author of version {versionNo} can change or submit it',
  edit_conflict: 'Version {versionNo} was changed by another request; reload it and apply your edit again',
  yaml_syntax: '{file} is not valid YAML ({detail}); replace the whole file to fix it',
  member_not_found: 'Not found in {file}: {detail}',
  not_a_map: 'Cannot edit {file} there: {detail}',
  unknown_file: '{file} is not a definition file of this model',
  invalid_definition: 'The definition has {count} error(s); fix them before you {action}',
  invalid_transition: 'Version {versionNo} is {status} and cannot be {action}',
  self_review: 'Authors cannot approve or reject their own versions; another admin must review it',
  conflict: 'Another version was published at the same time; reload and try again',
  no_change: 'Version {versionNo} has the same content as the published version',
  not_restorable: 'Only versions that were published can be restored (version {versionNo} is {status})',
  activation_failed:
    'Version {versionNo} could not be put into service ({detail}); version {restored} remains in force',
  upload_activation_failed:
    'Version {versionNo} of the uploaded model {model} is approved but could not be put into service ({detail}): it is not served; fix the data or the mapping and upload again',
  model_not_loaded: 'Model {model} is not loaded on this server, so it cannot be previewed',
  preview_failed: 'The draft could not be previewed: {detail}',
  preview_timeout:
    'The preview was stopped after {seconds} s: the draft takes too long to compute. Simplify it (fewer or cheaper rules) and try again.',
  feedback_not_found: 'No thumbs-down feedback {id}',
  invalid_correction: 'The corrected query does not fit model {model}: {detail}',
} as const;

export type GovernanceCode = keyof typeof EN;

/** Status, action and role words filled into `{status}`, `{action}` and `{roles}`. */
export const EN_WORDS = {
  draft: 'a draft',
  in_review: 'in review',
  published: 'published',
  rejected: 'rejected',
  superseded: 'superseded',
  submit: 'submit',
  submitted: 'submitted',
  approved: 'approved',
  rejected_action: 'rejected',
  preview: 'preview',
  publish: 'publish',
  analyst: 'analyst',
  admin: 'admin',
  /** Joins the roles of `{roles}`. */
  or: ' or ',
} as const;

export type GovernanceWord = keyof typeof EN_WORDS;
