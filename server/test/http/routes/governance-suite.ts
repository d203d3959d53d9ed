import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { seedModelVersions } from '../../../src/governance/published-models.ts';
import type { StoreFactory } from '../../store/test-stores.ts';
import { governanceFixture, type Json, Q3, RETAIL_DIR } from './governance-fixture.ts';
import { wrongAnswerCases } from './wrong-answers-cases.ts';

/** Defines the governance suite against a store from `factory`. */
export function defineGovernanceSuite(label: string, factory: StoreFactory): void {
  describe(`governance over HTTP on ${label}`, () => {
    const fx = governanceFixture(factory);
    const { call, liveChurnRate, churnYaml } = fx;

    it('seeds version 1 from the shipped YAML once, and the registry runs it', async () => {
      expect(await seedModelVersions(fx.store, { retail: RETAIL_DIR })).toEqual([
        { model: 'retail', versionNo: 1, created: false },
      ]);
      const res = await call('analyst', 'GET', '/models/retail/versions');
      expect(res.status).toBe(200);
      expect(res.body.versions.map((v: Json) => [v.versionNo, v.status, v.active, v.authorId])).toEqual([
        [1, 'published', true, null],
      ]);
      expect(fx.registry.get('retail').versionNo).toBe(1);
      expect(await liveChurnRate()).toBeCloseTo(5 / 7, 10);
      const [seed] = await fx.store.audit.list({ action: 'model.seed' });
      expect(seed).toMatchObject({ target: 'retail@1', userId: null });
    });

    it('refuses viewers everything and analysts the admin steps, in Chinese when asked', async () => {
      for (const [method, path] of [
        ['GET', '/models/retail/versions'],
        ['POST', '/models/retail/drafts'],
        ['GET', '/audit'],
        ['GET', '/wrong-answers'],
        ['GET', '/wrong-answers/export.yaml'],
      ]) {
        const res = await call('viewer', method!, path!);
        expect(res.status, path).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
      const zh = await call('viewer', 'GET', '/models/retail/versions', undefined, {
        'accept-language': 'zh-CN,zh;q=0.9',
      });
      expect(zh.body.error.message).toBe('此操作需要分析师或管理员角色');
      const en = await call('analyst', 'GET', '/audit');
      expect(en.body.error).toEqual({ code: 'forbidden', message: 'This requires the admin role' });
      for (const path of [
        '/models/retail/versions/1/approve',
        '/models/retail/versions/1/reject',
        '/models/retail/rollback',
      ]) {
        expect((await call('analyst', 'POST', path, {})).status, path).toBe(403);
      }
      const anonymous = await fx.app.request('/models/retail/versions');
      expect(anonymous.status).toBe(401);
    });

    it('drafts from the published version and reports every issue with its file, YAML path and line', async () => {
      const created = await call('analyst', 'POST', '/models/retail/drafts', {});
      expect(created.status).toBe(201);
      expect(created.body.version).toMatchObject({
        versionNo: 2,
        status: 'draft',
        basedOnVersion: 1,
        authorId: fx.ids.analyst,
      });
      const v1 = (await call('analyst', 'GET', '/models/retail/versions/1')).body.version;
      expect(created.body.version.files).toEqual(v1.files);

      // A shape error in one file and a YAML syntax error in another are reported together.
      const shape = await call('analyst', 'PUT', '/models/retail/versions/2/metrics/churn_rate', {
        type: 'ratio',
        numerator: 'churned_customers',
        denominator: 'active_customers',
        label: { zh: '流失率', en: 'Churn rate' },
        format: 'percentage',
      });
      expect(shape.status).toBe(200);
      expect(shape.body.validation.ok).toBe(false);
      const playbook: string = v1.files['playbook.yaml'];
      const broken = await call('analyst', 'PUT', '/models/retail/versions/2/files', {
        files: { 'playbook.yaml': `${playbook}  broken_rule: [unclosed\n` },
      });
      expect(broken.status).toBe(200);
      const validated = await call('analyst', 'POST', '/models/retail/versions/2/validate');
      expect(validated.status).toBe(200);
      expect(validated.body.ok).toBe(false);
      const issues = validated.body.issues.map((i: Json) => [i.file, i.code, i.path ?? null]);
      expect(issues).toContainEqual(['metrics.yaml', 'invalid_shape', 'metrics.churn_rate.format']);
      expect(issues).toContainEqual(['playbook.yaml', 'yaml_syntax', null]);
      const formatIssue = validated.body.issues.find((i: Json) => i.path === 'metrics.churn_rate.format');
      const metricsLines = (broken.body.version.files['metrics.yaml'] as string).split('\n');
      expect(metricsLines[formatIssue.line - 1]).toContain('format: percentage');
      const syntaxIssue = validated.body.issues.find((i: Json) => i.code === 'yaml_syntax');
      expect(syntaxIssue.line).toBeGreaterThan(playbook.split('\n').length - 2);

      const refused = await call('analyst', 'POST', '/models/retail/versions/2/submit');
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('invalid_definition');
      expect(refused.body.error.issues.length).toBe(validated.body.issues.length);

      // Fixing the files reveals the meaning error behind them, located as well.
      await call('analyst', 'PUT', '/models/retail/versions/2/files', {
        files: { 'playbook.yaml': playbook },
      });
      const unknown = await call('analyst', 'PUT', '/models/retail/versions/2/metrics/churn_rate', {
        type: 'ratio',
        numerator: 'no_such_metric',
        denominator: 'active_customers',
        label: { zh: '流失率', en: 'Churn rate' },
        description: { zh: '流失客户数 ÷ 期初活跃客户数', en: 'Churned ÷ active at start' },
        format: 'percent',
      });
      const located = unknown.body.validation.issues.find(
        (i: Json) => i.path === 'metrics.churn_rate.numerator',
      );
      expect(located).toMatchObject({ file: 'metrics.yaml', severity: 'error' });
      expect((unknown.body.version.files['metrics.yaml'] as string).split('\n')[located.line - 1]).toContain(
        'numerator: no_such_metric',
      );
    });

    it('fixes the draft with member edits that keep comments and touch only the edited lines', async () => {
      const v1Files = (await call('analyst', 'GET', '/models/retail/versions/1')).body.version.files;
      const metric = parse(v1Files['metrics.yaml']).metrics.churn_rate;
      const fixed = await call('analyst', 'PUT', '/models/retail/versions/2/metrics/churn_rate', {
        ...metric,
        description: {
          zh: '流失客户数 ÷ 期初活跃客户数（120 天口径）',
          en: 'Churned ÷ active at start (120-day window)',
        },
      });
      expect(fixed.status).toBe(200);
      const window = await call('analyst', 'PUT', '/models/retail/versions/2/churn-window', {
        window_days: 120,
      });
      expect(window.status).toBe(200);
      expect(window.body.validation).toEqual({ ok: true, issues: [] });
      const before = churnYaml(v1Files).split('\n');
      const after = churnYaml(window.body.version.files).split('\n');
      expect(after[0]).toBe(before[0]);
      expect(after[0]).toMatch(/^# The governed churn definition/);
      expect(after.filter((line, i) => line !== before[i])).toEqual(['  window_days: 120']);
      expect(before.length).toBe(after.length);
      const other = await call('analyst2', 'PUT', '/models/retail/versions/2/churn-window', {
        window_days: 60,
      });
      expect(other.status).toBe(403);
      expect(other.body.error.code).toBe('not_author');
    });

    it('previews before and after values, rebuilding the draft churn tables in a sandbox', async () => {
      const res = await call('analyst', 'POST', '/models/retail/versions/2/preview', {});
      expect(res.status).toBe(200);
      expect(res.body.materialized).toBe(true);
      const total = res.body.samples.find(
        (s: Json) => s.query.metrics[0] === 'churn_rate' && s.query.dimensions.length === 0,
      );
      expect(total.query.timeRange).toEqual(Q3);
      expect(total.before.rows[0].churn_rate).toBeCloseTo(5 / 7, 10);
      expect(total.after.rows[0].churn_rate).toBeCloseTo(6 / 9, 10);
      expect(total.differs).toBe(true);
      const byRegion = res.body.samples.find((s: Json) => s.query.dimensions[0] === 'region');
      const south = (rows: Json[]): Json => rows.find((r) => r.region === '华南') ?? {};
      // 华南: C01 C02 C07 active, C01 C07 churned (5/7 case) → + C12 active and churned with 120 days.
      expect(south(byRegion.before.rows).churn_rate).toBeCloseTo(2 / 3, 10);
      expect(south(byRegion.after.rows).churn_rate).toBeCloseTo(3 / 4, 10);

      const asked = await call('analyst', 'POST', '/models/retail/versions/2/preview', {
        queries: [{ model: 'retail', metrics: ['churned_customers', 'active_customers'], timeRange: Q3 }],
      });
      expect(asked.body.samples).toHaveLength(1);
      expect(asked.body.samples[0].before.rows).toEqual([{ churned_customers: 5, active_customers: 7 }]);
      expect(asked.body.samples[0].after.rows).toEqual([{ churned_customers: 6, active_customers: 9 }]);

      // The live model and its tables are untouched, and the sandbox is gone.
      expect(await liveChurnRate()).toBeCloseTo(5 / 7, 10);
      const attached = await fx.engine.query('SELECT database_name FROM duckdb_databases()');
      expect(attached.rows.map((r) => String(r.database_name)).filter((n) => n.startsWith('draft_'))).toEqual(
        [],
      );
    });

    it('submits for review; authors cannot review their own version, and rejection keeps the comment', async () => {
      const submitted = await call('analyst', 'POST', '/models/retail/versions/2/submit', {
        note: '  窗口按业务口径调整  ',
      });
      expect(submitted.status).toBe(200);
      expect(submitted.body.version.status).toBe('in_review');
      // The author's reason is kept (trimmed) for the reviewer.
      expect(submitted.body.version.submitNote).toBe('窗口按业务口径调整');
      const late = await call('analyst', 'PUT', '/models/retail/versions/2/churn-window', {
        window_days: 30,
      });
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe('not_a_draft');

      const own = await call('admin2', 'POST', '/models/retail/drafts', {});
      expect(own.body.version.versionNo).toBe(3);
      await call('admin2', 'PUT', '/models/retail/versions/3/dimensions/region/synonyms', {
        zh: ['区域', '大区'],
        en: ['area'],
      });
      expect((await call('admin2', 'POST', '/models/retail/versions/3/submit')).status).toBe(200);
      const self = await call(
        'admin2',
        'POST',
        '/models/retail/versions/3/approve',
        {},
        { 'accept-language': 'zh' },
      );
      expect(self.status).toBe(403);
      expect(self.body.error).toEqual({
        code: 'self_review',
        message: '不能审核自己编写的版本，请由另一位管理员审核',
      });
      const rejected = await call('admin', 'POST', '/models/retail/versions/3/reject', {
        comment: '同义词删得太多',
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body.version).toMatchObject({
        status: 'rejected',
        reviewComment: '同义词删得太多',
        reviewerId: fx.ids.admin,
      });
      expect(fx.registry.get('retail').versionNo).toBe(1);
    });

    it('an admin approves: version 2 is published and the registry answers with it at once', async () => {
      const approved = await call('admin', 'POST', '/models/retail/versions/2/approve', { comment: 'ok' });
      expect(approved.status).toBe(200);
      expect(approved.body.version).toMatchObject({
        versionNo: 2,
        status: 'published',
        active: true,
        reviewerId: fx.ids.admin,
      });
      expect(fx.registry.get('retail').versionNo).toBe(2);
      expect(fx.registry.get('retail').runtime.model.churn.churn).toMatchObject({ window_days: 120 });
      expect(await liveChurnRate()).toBeCloseTo(6 / 9, 10);
      const again = await call('admin', 'POST', '/models/retail/versions/2/approve', {});
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('invalid_transition');
      const versions = (await call('analyst', 'GET', '/models/retail/versions')).body.versions;
      expect(versions.map((v: Json) => [v.versionNo, v.status])).toEqual([
        [3, 'rejected'],
        [2, 'published'],
        [1, 'superseded'],
      ]);
    });

    it('rolls back to version 1 as a new published version, and the old definition is back', async () => {
      const rejected = await call('admin', 'POST', '/models/retail/rollback', { toVersion: 3 });
      expect(rejected.status).toBe(409);
      expect(rejected.body.error.code).toBe('not_restorable');
      const rolled = await call('admin', 'POST', '/models/retail/rollback', { toVersion: 1 });
      expect(rolled.status).toBe(201);
      expect(rolled.body.version).toMatchObject({
        versionNo: 4,
        status: 'published',
        basedOnVersion: 1,
        active: true,
      });
      expect(fx.registry.get('retail').versionNo).toBe(4);
      expect(await liveChurnRate()).toBeCloseTo(5 / 7, 10);
      const same = await call('admin', 'POST', '/models/retail/rollback', { toVersion: 1 });
      expect(same.status).toBe(409);
      expect(same.body.error.code).toBe('no_change');
    });

    it('diffs two versions per file (unified) and per member', async () => {
      const res = await call('analyst', 'GET', '/models/retail/diff?from=1&to=2');
      expect(res.status).toBe(200);
      expect(res.body.files.map((f: Json) => [f.file, f.status])).toEqual([
        ['churn.yaml', 'modified'],
        ['metrics.yaml', 'modified'],
      ]);
      const churn: string = res.body.files[0].diff;
      expect(churn.split('\n').slice(0, 2)).toEqual(['--- v1/churn.yaml', '+++ v2/churn.yaml']);
      expect(churn).toMatch(/^@@ -\d+,7 \+\d+,7 @@$/m);
      expect(churn.split('\n').filter((l) => /^[-+] /.test(l))).toEqual([
        '-  window_days: 90',
        '+  window_days: 120',
      ]);
      expect(res.body.summary.members.metrics).toEqual({
        added: [],
        removed: [],
        changed: [{ id: 'churn_rate', fields: ['description'] }],
      });
      expect(res.body.summary.settings).toEqual([
        { file: 'churn.yaml', path: 'churn.window_days', before: 90, after: 120 },
      ]);
      const restored = await call('analyst', 'GET', '/models/retail/diff?from=1&to=4');
      expect(restored.body.files).toEqual([]);
      const missing = await call('analyst', 'GET', '/models/retail/diff?from=1&to=99', undefined, {
        'accept-language': 'zh',
      });
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toBe('模型 retail 没有版本 99');
    });

    it('audits every step; admins filter by action, user and time and page by cursor', async () => {
      const mine = await call('admin', 'GET', '/audit?action=model.*&user=analyst&limit=100');
      expect(mine.status).toBe(200);
      expect(new Set(mine.body.entries.map((e: Json) => e.action))).toEqual(
        new Set(['model.draft', 'model.edit', 'model.validate', 'model.preview', 'model.submit']),
      );
      expect(mine.body.entries.every((e: Json) => e.username === 'analyst' && e.target === 'retail@2')).toBe(
        true,
      );
      const approve = await call('admin', 'GET', '/audit?action=model.approve');
      expect(
        approve.body.entries.map((e: Json) => [e.username, e.target, e.details.supersededVersion]),
      ).toEqual([['admin', 'retail@2', 1]]);
      const rollback = await call('admin', 'GET', `/audit?action=model.rollback&user=${fx.ids.admin}`);
      expect(rollback.body.entries.map((e: Json) => [e.target, e.details.restoredVersion])).toEqual([
        ['retail@4', 1],
      ]);

      const all = (await call('admin', 'GET', '/audit?action=model.*&limit=500')).body.entries as Json[];
      const first = await call('admin', 'GET', '/audit?action=model.*&limit=3');
      expect(first.body.entries.map((e: Json) => e.id)).toEqual(all.slice(0, 3).map((e) => e.id));
      const second = await call(
        'admin',
        'GET',
        `/audit?action=model.*&limit=3&cursor=${first.body.nextCursor}`,
      );
      expect(second.body.entries.map((e: Json) => e.id)).toEqual(all.slice(3, 6).map((e) => e.id));
      const last = await call('admin', 'GET', `/audit?action=model.*&limit=500&cursor=${all.at(-1)!.id + 1}`);
      expect(last.body).toEqual({
        entries: [expect.objectContaining({ id: all.at(-1)!.id })],
        nextCursor: null,
      });

      const future = await call('admin', 'GET', '/audit?from=2999-01-01');
      expect(future.body.entries).toEqual([]);
      const past = await call('admin', 'GET', '/audit?to=2000-01-01T00:00:00Z');
      expect(past.body.entries).toEqual([]);
      const window = await call(
        'admin',
        'GET',
        `/audit?action=model.*&from=${encodeURIComponent(all.at(-1)!.ts)}&limit=500`,
      );
      expect(window.body.entries.length).toBe(all.length);
      const bad = await call('admin', 'GET', '/audit?from=yesterday');
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('invalid_request');
    });

    it('says when a valid draft fails on the data, and undoes a publish that cannot be put into service', async () => {
      const draft = await call('analyst2', 'POST', '/models/retail/drafts', {});
      expect(draft.body.version).toMatchObject({ versionNo: 5, basedOnVersion: 4 });
      const churn = churnYaml(draft.body.version.files).replace(
        "status = 'completed'",
        "no_such_column = 'x'",
      );
      const edited = await call('analyst2', 'PUT', '/models/retail/versions/5/files', {
        files: { 'churn.yaml': churn },
      });
      expect(edited.body.validation.ok).toBe(true);
      const preview = await call('analyst2', 'POST', '/models/retail/versions/5/preview', {});
      expect(preview.status).toBe(422);
      expect(preview.body.error.code).toBe('preview_failed');
      expect(preview.body.error.message).toContain('no_such_column');
      expect((await call('analyst2', 'POST', '/models/retail/versions/5/submit')).status).toBe(200);
      const approved = await call('admin', 'POST', '/models/retail/versions/5/approve', {});
      expect(approved.status).toBe(500);
      expect(approved.body.error.code).toBe('activation_failed');
      expect(approved.body.error.message).toMatch(/version 6 remains in force/);
      const versions = (await call('analyst', 'GET', '/models/retail/versions')).body.versions;
      expect(versions.slice(0, 2).map((v: Json) => [v.versionNo, v.status, v.active])).toEqual([
        [6, 'published', true],
        [5, 'superseded', false],
      ]);
      expect(versions[0].contentHash).toBe(versions.find((v: Json) => v.versionNo === 1).contentHash);
      expect(fx.registry.get('retail').versionNo).toBe(6);
      expect(await liveChurnRate()).toBeCloseTo(5 / 7, 10);
      const [failure] = await fx.store.audit.list({ action: 'model.activation_failed' });
      expect(failure).toMatchObject({ target: 'retail@5', details: { restoredVersion: 6 } });
    });

    wrongAnswerCases(fx);
  });
}
