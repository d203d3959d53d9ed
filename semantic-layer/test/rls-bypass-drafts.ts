/**
 * The draft edits with which an analyst limited to 华南 bypassed row-level security in preview (issue 19):
 * [what the draft does, file, text of the published retail file, replacement].
 */
export const RLS_BYPASS_DRAFTS: [string, string, string, string][] = [
  [
    'deletes the row_level_security block',
    'model.yaml',
    'row_level_security:\n  - { attribute: region, dimension: region }\n',
    '',
  ],
  [
    'renames its attribute',
    'model.yaml',
    '{ attribute: region, dimension: region }',
    '{ attribute: area, dimension: region }',
  ],
  [
    "replaces the region dimension's SQL by the constant '华南'",
    'dimensions.yaml',
    '    sql: region\n',
    `    sql: "'华南'"\n`,
  ],
];
