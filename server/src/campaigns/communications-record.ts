/**
 * Records a campaign's outbox in the analytic store's canonical `communications` table, where the
 * governed metrics (contacted customers, returned customers, by experiment group, action, channel and
 * campaign) read it. Replaces the campaign's rows in one transaction, so re-recording is idempotent.
 * Held-out customers are recorded (status `held_out`, the control group); customers skipped for an
 * opt-out or the frequency cap are not (they were neither contacted nor randomised into control).
 */
import type { AnalyticsEngine } from '../data/analytics-engine.ts';
import type { Campaign, OutboxMessage } from '../store/campaigns.ts';
import { businessDay } from './campaign-days.ts';

const RECORDED = new Set(['queued', 'sending', 'sent', 'failed', 'held_out']);

/** The canonical status of an outbox row (`sending` is still `queued` for the data). */
function canonicalStatus(status: string): string {
  return status === 'sending' ? 'queued' : status;
}

/** Writes the campaign's rows into `communications` (see the file comment). */
export async function recordCommunications(
  engine: AnalyticsEngine,
  campaign: Campaign,
  messages: OutboxMessage[],
  asOf: string,
): Promise<number> {
  const rows = messages.filter((m) => RECORDED.has(m.status));
  const sentDay = businessDay(campaign.sentAt ?? new Date(), asOf);
  // Numbered placeholders: both analytics engines (DuckDB, PostgreSQL) accept them.
  const statements = [{ sql: 'DELETE FROM communications WHERE campaign_id = $1', params: [campaign.id] }];
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    statements.push({
      sql: `INSERT INTO communications (message_id, customer_id, channel, template, action_id, campaign_id, sent_ts, status, outcome) VALUES ${chunk
        .map((_, j) => {
          const p = (k: number) => `$${j * 9 + k}`;
          return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, CAST(${p(7)} AS TIMESTAMP), ${p(8)}, ${p(9)})`;
        })
        .join(', ')}`,
      params: chunk.flatMap((m) => [
        `${campaign.id}:${m.customerId}`,
        m.customerId,
        m.channel,
        `${campaign.actionId}:${campaign.id.slice(0, 8)}`,
        campaign.actionId,
        campaign.id,
        `${sentDay} 10:00:00`,
        canonicalStatus(m.status),
        m.outcome ?? 'none',
      ]),
    });
  }
  await engine.write(statements);
  return rows.length;
}
