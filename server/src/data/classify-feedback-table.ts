import type { DuckDBConnection } from '@duckdb/node-api';
import { classifyFeedback } from '../feedback/classify-feedback.ts';

const CHUNK = 50_000;

/**
 * Fills `feedback.topic` and `feedback.sentiment` for every row with text that lacks them, with the
 * offline classifier (server/src/feedback), so each feedback row carries a reason topic and a sentiment
 * after ingest or demo generation. Reads in chunks of rowids and writes back through an appender and
 * one UPDATE per chunk, so memory stays flat at millions of rows. Returns the rows classified.
 */
export async function classifyFeedbackTable(
  con: DuckDBConnection,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const todo = `text IS NOT NULL AND trim(text) <> '' AND (topic IS NULL OR sentiment IS NULL)`;
  const bounds = await con.runAndReadAll(
    `SELECT count(*)::BIGINT AS n, min(rowid)::BIGINT AS lo, max(rowid)::BIGINT AS hi FROM feedback WHERE ${todo}`,
  );
  const [n, lo, hi] = (bounds.getRows()[0] ?? [0, null, null]).map((v) => (v === null ? null : Number(v)));
  if (!n || lo === null || hi === null) return 0;
  await con.run(
    'CREATE OR REPLACE TEMP TABLE __feedback_labels (rid BIGINT, topic VARCHAR, sentiment VARCHAR)',
  );
  let done = 0;
  for (let from = lo; from <= hi; from += CHUNK) {
    const chunk = await con.runAndReadAll(
      `SELECT rowid::BIGINT AS rid, text, language FROM feedback WHERE ${todo} AND rowid >= ${from} AND rowid < ${from + CHUNK}`,
    );
    const rows = chunk.getRows();
    if (rows.length === 0) continue;
    const appender = await con.createAppender('__feedback_labels', 'main', 'temp');
    for (const [rid, text, language] of rows) {
      const lang = language === 'zh' || language === 'en' ? language : undefined;
      const c = classifyFeedback(String(text), lang);
      appender.appendBigInt(BigInt(rid as bigint));
      appender.appendVarchar(c.topic);
      appender.appendVarchar(c.sentiment);
      appender.endRow();
    }
    appender.closeSync();
    await con.run(
      `UPDATE feedback SET topic = coalesce(feedback.topic, l.topic), sentiment = coalesce(feedback.sentiment, l.sentiment)
       FROM __feedback_labels l WHERE feedback.rowid = l.rid`,
    );
    await con.run('DELETE FROM __feedback_labels');
    done += rows.length;
    onProgress?.(done, n);
  }
  await con.run('DROP TABLE __feedback_labels');
  return done;
}
