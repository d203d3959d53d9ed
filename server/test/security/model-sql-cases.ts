/** High: an analyst read files (app state, truth file) through a draft definition's SQL in preview. */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectHealthy, expectRefusal } from './security-client.ts';
import type { SecurityContext } from './security-suite.ts';

/** [field, file, text in the published file, replacement (READ = the file read), YAML path of the issue]. */
const FIELDS: [string, string, string, string, string][] = [
  ['dimension sql', 'dimensions.yaml', '    sql: region\n', '    sql: "READ"\n', 'dimensions.region.sql'],
  [
    'dimension alternate sql',
    'dimensions.yaml',
    '{ source: customer_history, sql: value_tier }',
    '{ source: customer_history, sql: "READ" }',
    'dimensions.value_tier.alternates.0.sql',
  ],
  [
    'measure sql',
    'sources.yaml',
    'revenue_sum: { agg: sum, sql: amount }',
    'revenue_sum: { agg: sum, sql: "length(READ)" }',
    'sources.orders.measures.revenue_sum.sql',
  ],
  [
    'measure filter',
    'sources.yaml',
    'filter: "nps >= 9"',
    'filter: "READ IS NOT NULL"',
    'sources.feedback.measures.nps_promoter_count.filter',
  ],
  [
    'source where',
    'sources.yaml',
    `where: "status = 'completed'"`,
    'where: "READ IS NOT NULL"',
    'sources.orders.where',
  ],
  [
    'source sql',
    'sources.yaml',
    '  customer_snapshot:\n    table: customer_snapshot\n',
    '  customer_snapshot:\n    sql: "SELECT * FROM READ"\n',
    'sources.customer_snapshot.sql',
  ],
  [
    'churn activity where',
    'churn.yaml',
    `amount: amount, where: "status = 'completed'"`,
    'amount: amount, where: "READ IS NOT NULL"',
    'churn.activity.where',
  ],
  [
    'reason signal where',
    'churn.yaml',
    `where: "sentiment = 'negative'"`,
    'where: "READ IS NOT NULL"',
    'reasons.signals.1.where',
  ],
  [
    'early-warning rule',
    'churn.yaml',
    'when: "tickets_90d >= 3 AND NOT churned"',
    'when: "READ IS NOT NULL"',
    'early_warning.many_tickets.when',
  ],
];

export function modelSqlCases(ctx: SecurityContext): void {
  describe('file reads through definition SQL (before any review)', () => {
    let published: Record<string, string>;
    let draft: number;
    beforeAll(async () => {
      const version = await ctx.analyst.send('GET', '/api/models/retail/versions/1');
      published = version.body.version.files;
      const created = await ctx.analyst.send('POST', '/api/models/retail/drafts', {});
      expect(created.status).toBe(201);
      draft = created.body.version.versionNo;
    });

    it.each(FIELDS)('refuses a file read through the %s', async (_, file, from, to, path) => {
      // The embedded app database's write-ahead log (password hashes, questions) and the demo's truth file.
      for (const target of [`${ctx.appDir}/pglite/pg_wal/0*`, `${ctx.dataDir}/retail.truth.json`]) {
        const read = `read_blob('${target}')`;
        expect(published[file]).toContain(from);
        const edited = published[file]!.replace(from, to.replace('READ', read));
        const saved = await ctx.analyst.send('PUT', `/api/models/retail/versions/${draft}/files`, {
          files: { ...published, [file]: edited },
        });
        expect(saved.status).toBe(200);
        expect(saved.body.validation.ok).toBe(false);
        // Reported at its source (a tag built on the member repeats it under tags.yaml).
        const issue = saved.body.validation.issues.find(
          (i: { code: string; file: string }) => i.code === 'unsafe_sql' && i.file === file,
        );
        expect(issue).toMatchObject({ file, path, severity: 'error' });
        expect(issue.line).toBe(edited.slice(0, edited.indexOf(read.slice(0, 9)) + 1).split('\n').length);
        expect(issue.message).toMatch(/read_blob is not allowed|SQL sources are not accepted/);
        const preview = await ctx.analyst.send(
          'POST',
          `/api/models/retail/versions/${draft}/preview`,
          {},
          { 'accept-language': 'zh' },
        );
        expectRefusal(preview, 422, 'invalid_definition', 'zh');
        expect(JSON.stringify(preview.body)).not.toMatch(/argon2|planted/);
        const submit = await ctx.analyst.send('POST', `/api/models/retail/versions/${draft}/submit`);
        expectRefusal(submit, 422, 'invalid_definition', 'en');
      }
      await expectHealthy(ctx.analyst);
    });

    it('refuses a subquery into another table (the row-level security bypass) with its line', async () => {
      const edited = published['dimensions.yaml']!.replace(
        '    sql: region\n',
        `    sql: "(SELECT count(*) FROM customers c2 WHERE c2.region <> '华南')"\n`,
      );
      const saved = await ctx.southAnalyst.send('POST', '/api/models/retail/drafts', {});
      const no = saved.body.version.versionNo;
      const put = await ctx.southAnalyst.send('PUT', `/api/models/retail/versions/${no}/files`, {
        files: { ...published, 'dimensions.yaml': edited },
      });
      const issue = put.body.validation.issues.find((i: { code: string }) => i.code === 'unsafe_sql');
      expect(issue).toMatchObject({ path: 'dimensions.region.sql', file: 'dimensions.yaml' });
      expect(issue.message).toMatch(/subqueries are not allowed/);
      expectRefusal(
        await ctx.southAnalyst.send('POST', `/api/models/retail/versions/${no}/preview`, {}),
        422,
        'invalid_definition',
      );
      await expectHealthy(ctx.southAnalyst);
    });
  });
}
