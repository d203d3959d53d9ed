/**
 * The demo generator's true labels for its feedback texts (`demo_feedback_truth`), read beside the texts and
 * mapped to the classifier's topic convention, for measuring the classifier on a generated demo
 * (evals/feedback/measure-demo.ts and demo-accuracy-floor.test.ts).
 *
 * Topic convention (CONTEXT.md): `topic` is the reason taxonomy of DOMAIN.md §2, so it names what a customer
 * complains about or asks about; praise and neutral remarks are `other`. The generator's truth labels praise
 * with the praised aspect ("物流很快" → logistics), which {@link expectedTopic} maps to `other`.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ReasonCode } from '../../src/canonical/canonical-schema.ts';
import type { FeedbackSentiment } from '../../src/feedback/classify-feedback.ts';
import type { FeedbackLanguage } from '../../src/feedback/language.ts';

/** One demo feedback text with the generator's labels and what the demo database stored for it. */
export interface DemoFeedbackRow {
  feedbackId: string;
  source: string;
  text: string;
  language: FeedbackLanguage;
  /** The generator's topic: the complaint's reason, or the praised aspect for a positive text. */
  truthTopic: ReasonCode;
  truthSentiment: FeedbackSentiment;
  /** A complaint sent with a 5-star score on purpose (a data-quality case); its sentiment is negative. */
  contradictory: boolean;
  /** What `feedback.topic` / `feedback.sentiment` hold (classified at generation, possibly by an older lexicon). */
  storedTopic: string | null;
  storedSentiment: string | null;
}

/** Reads every demo feedback text with its truth row; needs the `feedback` and `demo_feedback_truth` tables. */
export async function readDemoFeedback(con: DuckDBConnection): Promise<DemoFeedbackRow[]> {
  const reader = await con.runAndReadAll(
    `SELECT f.feedback_id, f.source, f.text, f.language, t.topic AS truth_topic, t.sentiment AS truth_sentiment,
       t.contradictory, f.topic, f.sentiment
     FROM feedback f JOIN demo_feedback_truth t USING (feedback_id)
     WHERE f.text IS NOT NULL ORDER BY f.feedback_id`,
  );
  return reader.getRows().map((r) => ({
    feedbackId: String(r[0]),
    source: String(r[1]),
    text: String(r[2]),
    language: r[3] === 'en' ? 'en' : 'zh',
    truthTopic: String(r[4]) as ReasonCode,
    truthSentiment: String(r[5]) as FeedbackSentiment,
    contradictory: r[6] === true,
    storedTopic: r[7] === null ? null : String(r[7]),
    storedSentiment: r[8] === null ? null : String(r[8]),
  }));
}

/** True when the text is a complaint by the generator's labels (the rows whose topic feeds reason analysis). */
export function isComplaint(row: DemoFeedbackRow): boolean {
  return row.truthSentiment === 'negative';
}

/** The topic the classifier should give under the product convention: the complaint's reason, else `other`. */
export function expectedTopic(row: DemoFeedbackRow): ReasonCode {
  return isComplaint(row) ? row.truthTopic : 'other';
}
