import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { profileTable } from './profile-table.ts';
import { planTable } from './scaffold-model.ts';

const dir = mkdtempSync(join(tmpdir(), 'guess-notes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 200 customers: a 0/1 label, a device column with a variant, a reason column, a free-text column. */
function customerTable(): string {
  const file = join(dir, 'members.csv');
  const devices = ['Mobile Phone', 'Phone', 'Computer'];
  const rows = ['MemberID,Churn,Device,ChurnReason,Remark'];
  for (let i = 1; i <= 200; i++)
    rows.push(
      `M${i},${i % 4 === 0 ? 1 : 0},${devices[i % 3]},${i % 4 === 0 ? (i % 8 ? 'Price' : 'Service') : ''},note ${i}`,
    );
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

describe('the scaffold notes speak the user language', () => {
  it('writes each guess in Chinese for a zh user and in English by default', async () => {
    const profile = await profileTable(customerTable());
    const zh = await planTable(profile, { id: 'members', today: '2026-12-01', language: 'zh' });
    expect(zh.notes).toEqual([
      '客户主键：MemberID（200 行全部唯一：每位客户一行）',
      '流失：标签列 Churn（取值 0 / 1；true = 已流失）',
      'Device："Phone" 看起来是“Mobile Phone”的变体——暂不合并；用 --clean（网页上用“合并到”）合并',
      'Remark：200 个不同文本——不作为维度（可能是编号或自由文本）',
      '流失原因：ChurnReason（原因分析读取它：churn.yaml 的 reasons.label_column）',
    ]);
    const en = await planTable(profile, { id: 'members', today: '2026-12-01', clean: true });
    expect(en.notes).toContain('customer key: MemberID (unique on all 200 rows: one row per customer)');
    expect(en.notes).toContain(
      'Device: "Phone" look like variants of "Mobile Phone" — cleaned into it (map: in the ingest mapping)',
    );
  });

  it('explains the inactivity window of a dated log in Chinese', async () => {
    const file = join(dir, 'orders.csv');
    const rows = ['customer_id,order_date,amount'];
    for (let c = 1; c <= 50; c++)
      for (let k = 0; k < 4; k++)
        rows.push(`C${c},2026-0${k + 1}-${String((c % 27) + 1).padStart(2, '0')},${10 + k}.5`);
    writeFileSync(file, `${rows.join('\n')}\n`);
    const plan = await planTable(await profileTable(file), {
      id: 'orders',
      today: '2026-12-01',
      language: 'zh',
    });
    expect(plan.notes[0]).toBe('客户主键：customer_id（200 行中共 50 位客户：事件日志）');
    expect(plan.notes[1]).toMatch(
      /^流失：不活跃——order_date 连续 \d+ 天没有记录即为流失（80% 的重复记录间隔在 \d+ 天以内）；可在 churn.yaml 修改 window_days$/,
    );
  });
});
