/**
 * Runs the model-SQL grammar (sql-expression.ts) over every SQL-bearing field of a model: sources'
 * `where`, measures' `sql` and `filter`, dimensions' `sql` and alternates, the churn activity filter,
 * reason signals' `where` and early-warning rules' `when`. A source must read a table: SQL sources
 * (a subquery into other tables) are refused. Every rejection is an `unsafe_sql` issue with the file
 * and YAML path (the loader adds the line).
 */
import type { IssueLog } from '../issues.ts';
import type { SemanticModel } from '../model.ts';
import { checkSqlExpression } from './sql-expression.ts';

/** Adds an `unsafe_sql` issue for each field that is not an allowed expression. */
export function checkModelSql(model: SemanticModel, log: IssueLog, has: (file: string) => boolean): void {
  const check = (text: string | undefined, file: string, path: string) => {
    if (text === undefined) return;
    const result = checkSqlExpression(text);
    if (!result.ok)
      log.error(
        'unsafe_sql',
        `${result.error.message} (at character ${result.error.at + 1} of ${JSON.stringify(text.slice(0, 120))})`,
        { file, path },
      );
  };
  if (has('sources.yaml')) {
    for (const s of Object.values(model.sources)) {
      const at = `sources.${s.id}`;
      if (s.sql !== undefined)
        log.error('unsafe_sql', 'a source reads a table (`table:`); SQL sources are not accepted', {
          file: 'sources.yaml',
          path: `${at}.sql`,
        });
      check(s.where, 'sources.yaml', `${at}.where`);
      for (const [id, m] of Object.entries(s.measures)) {
        check(m.sql, 'sources.yaml', `${at}.measures.${id}.sql`);
        check(m.filter, 'sources.yaml', `${at}.measures.${id}.filter`);
      }
    }
  }
  if (has('dimensions.yaml')) {
    for (const d of Object.values(model.dimensions)) {
      check(d.sql, 'dimensions.yaml', `dimensions.${d.id}.sql`);
      for (const [i, a] of d.alternates.entries())
        check(a.sql, 'dimensions.yaml', `dimensions.${d.id}.alternates.${i}.sql`);
    }
  }
  if (has('churn.yaml') && model.churn) {
    const c = model.churn;
    if (c.churn.type === 'inactivity') check(c.churn.activity.where, 'churn.yaml', 'churn.activity.where');
    for (const [i, s] of c.reasons.signals.entries())
      check(s.where, 'churn.yaml', `reasons.signals.${i}.where`);
    for (const [id, rule] of Object.entries(c.early_warning))
      check(rule.when, 'churn.yaml', `early_warning.${id}.when`);
  }
}
