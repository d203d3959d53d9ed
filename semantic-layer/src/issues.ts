/**
 * An `Issue` is an expected problem with a definition or a query, returned as a value (never thrown):
 * a stable `code` a repair prompt or an error message can quote, where it is, and a message.
 */
export type IssueCode =
  | 'yaml_syntax'
  | 'missing_file'
  | 'invalid_shape'
  | 'unknown_member'
  | 'unknown_source'
  | 'unknown_column'
  | 'duplicate_id'
  | 'duplicate_synonym'
  | 'type_mismatch'
  | 'cycle'
  | 'fan_out'
  | 'unreachable'
  | 'grain_not_supported'
  | 'time_range_required'
  | 'invalid_time_range'
  | 'invalid_filter'
  | 'invalid_order'
  | 'compare_requires_range'
  | 'compare_conflict'
  | 'not_groupable'
  | 'model_mismatch'
  | 'rls_unreachable'
  | 'time_ignored'
  | 'unsafe_sql'
  | 'access_denied'
  | 'invalid_value';

export interface IssueParams {
  measures?: string[];
  member?: string;
  grain?: string;
}

export interface Issue {
  code: IssueCode;
  message: string;
  /** File the issue is in, relative to the model folder (definition issues). */
  file?: string;
  /** YAML or query path, e.g. `metrics.churn_rate.numerator` or `filters[0].member`. */
  path?: string;
  line?: number;
  /** The members a query issue is about (ids), so a user-facing message can name them by label in any language:
   * `measures` the metrics or measures concerned, `member` the dimension (or the one unknown member), `grain` a grain. */
  params?: IssueParams;
  /** Warnings do not stop a query or a model load; errors do. */
  severity: 'error' | 'warning';
}

/** Collects issues, then fails once (Cube's ErrorReporter idea). */
export class IssueLog {
  readonly issues: Issue[] = [];
  error(
    code: IssueCode,
    message: string,
    where: Partial<Pick<Issue, 'file' | 'path' | 'line' | 'params'>> = {},
  ): void {
    this.issues.push({ code, message, ...where, severity: 'error' });
  }
  warn(
    code: IssueCode,
    message: string,
    where: Partial<Pick<Issue, 'file' | 'path' | 'line' | 'params'>> = {},
  ): void {
    this.issues.push({ code, message, ...where, severity: 'warning' });
  }
  get hasErrors(): boolean {
    return this.issues.some((i) => i.severity === 'error');
  }
  get errors(): Issue[] {
    return this.issues.filter((i) => i.severity === 'error');
  }
  get warnings(): Issue[] {
    return this.issues.filter((i) => i.severity === 'warning');
  }
}

/** One line per issue: `file:line path [code] message`. */
export function formatIssue(issue: Issue): string {
  const where = [issue.file && `${issue.file}${issue.line ? `:${issue.line}` : ''}`, issue.path]
    .filter(Boolean)
    .join(' ');
  return `${issue.severity === 'warning' ? 'warning' : 'error'} ${where ? `${where} ` : ''}[${issue.code}] ${issue.message}`;
}
