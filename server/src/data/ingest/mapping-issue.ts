/** A problem found in a mapping file, located by file, YAML path and (when known) line. */
export interface MappingIssue {
  code:
    | 'yaml_syntax'
    | 'invalid_shape'
    | 'unknown_table'
    | 'unknown_column'
    | 'missing_required_column'
    | 'missing_type'
    | 'unknown_source'
    | 'unknown_source_column'
    | 'ambiguous_source_column'
    | 'source_unreadable'
    | 'bad_key'
    | 'bad_expression'
    | 'database_locked';
  file: string;
  /** YAML path such as `tables.orders.columns.amount.type`. */
  path: string;
  line?: number;
  message: string;
}

/** One line per issue, `file:line path: message`, for the console. */
export function formatIssue(issue: MappingIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  return `${where} ${issue.path || '(root)'}: ${issue.message} [${issue.code}]`;
}
