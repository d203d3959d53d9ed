/**
 * Feedback: reviews after orders (csat 1-5, worse after late deliveries), quarterly NPS surveys to
 * a sample of reachable customers (lower before churn), feedback on resolved tickets, and the
 * planted churn signals. ~0.5% of reviews are contradictory on purpose (a complaint with csat 5).
 * `topic` and `sentiment` stay NULL for the classifier; the true labels go to `demo_feedback_truth`.
 */
import { dateLit, pickSql } from './sql-helpers.ts';
import { bankBucket, effectBucket, withTextSql } from './text-sql.ts';
import { BACKGROUND_REASONS, CHURN_WINDOW_DAYS, DEMO_CALENDAR, type Weighted } from './vocabulary.ts';

const REVIEW_SHARE = 0.08;
const SURVEY_SHARE = 0.12;
const CONTRADICTION_SHARE = 0.005;

const PRAISED: Weighted = [
  ['product_quality', 40],
  ['logistics', 25],
  ['price', 15],
  ['service', 10],
  ['other', 10],
];
const REVIEW_COMPLAINTS: Weighted = [
  ['product_quality', 45],
  ['logistics', 15],
  ['price', 15],
  ['service', 10],
  ['other', 15],
];
const NPS_DIST: Weighted = [
  ['10', 20],
  ['9', 22],
  ['8', 18],
  ['7', 12],
  ['6', 8],
  ['5', 6],
  ['4', 4],
  ['3', 3],
  ['2', 3],
  ['1', 2],
  ['0', 2],
];
const NPS_BEFORE_CHURN: Weighted = [
  ['10', 4],
  ['9', 6],
  ['8', 10],
  ['7', 12],
  ['6', 14],
  ['5', 14],
  ['4', 12],
  ['3', 10],
  ['2', 8],
  ['1', 5],
  ['0', 5],
];

/** Sentiment → topic expression: praised aspect, neutral `other`, or a complaint topic. */
function topicSql(sentiment: string, u: string, complaint: string): string {
  return `CASE ${sentiment} WHEN 'positive' THEN ${pickSql(u, PRAISED)} WHEN 'neutral' THEN 'other' ELSE ${complaint} END`;
}

/** SQL creating `_demo_fb`, filling `feedback` and `demo_feedback_truth`. */
export function feedbackSql(): string[] {
  const asOf = `${dateLit(DEMO_CALENDAR.asOf)}::TIMESTAMP`;
  const lang = (u: string) => `CASE WHEN ${u} < 0.85 THEN 'zh' ELSE 'en' END`;
  return [
    `CREATE OR REPLACE TABLE _demo_fb AS
    WITH reviews AS (
      SELECT o.order_id AS key, c.cn, 'F' || substr(o.order_id, 2) AS feedback_id, 'review' AS source,
        o.order_ts + to_seconds(floor((o.delivery_days + 1 + rnd(o.order_id, 3, 120) * 4) * 86400)::BIGINT) AS ts,
        NULL::INTEGER AS nps,
        CASE WHEN rnd(o.order_id, 3, 121) < ${CONTRADICTION_SHARE} THEN 5
          WHEN o.delivery_days >= 6 THEN ${pickSql('rnd(o.order_id, 3, 122)', [
            ['5', 15],
            ['4', 20],
            ['3', 20],
            ['2', 25],
            ['1', 20],
          ])}::INTEGER
          ELSE ${pickSql('rnd(o.order_id, 3, 122)', [
            ['5', 45],
            ['4', 30],
            ['3', 12],
            ['2', 7],
            ['1', 6],
          ])}::INTEGER END AS csat,
        rnd(o.order_id, 3, 121) < ${CONTRADICTION_SHARE} AS contradictory,
        o.delivery_days >= 6 AS late, NULL::VARCHAR AS reason, NULL::INTEGER AS effect
      FROM orders o JOIN _demo_cust c USING (customer_id)
      WHERE o.status = 'completed' AND rnd(o.order_id, 3, 123) < ${REVIEW_SHARE}
    ), reviews2 AS (
      SELECT *, CASE WHEN contradictory OR csat <= 2 THEN 'negative' WHEN csat = 3 THEN 'neutral' ELSE 'positive' END AS sentiment,
        contradictory OR rnd(key, 3, 124) < 0.7 AS has_text
      FROM reviews
    ), surveys AS (
      SELECT s.cn || '-' || q.q AS key, s.cn, 'FN' || s.cn || '-' || q.q AS feedback_id, 'survey' AS source,
        (q.qs + 35 + floor(rnd(s.cn, q.q, 125) * 30)::INTEGER) + to_seconds((9 + floor(rnd(s.cn, q.q, 126) * 12)::INTEGER) * 3600) AS ts,
        s.churn_d
      FROM _demo_span s JOIN _demo_quarters q ON q.qs + 64 >= s.start AND q.qs + 35 <= s.stop + ${CHURN_WINDOW_DAYS - 1}
      WHERE rnd(s.cn, q.q, 127) < ${SURVEY_SHARE}
    ), surveys2 AS (
      SELECT key, cn, feedback_id, source, ts,
        CASE WHEN churn_d IS NOT NULL AND ts::DATE >= churn_d - 120
          THEN ${pickSql('rnd(key, 3, 128)', NPS_BEFORE_CHURN)} ELSE ${pickSql('rnd(key, 3, 128)', NPS_DIST)} END::INTEGER AS nps,
        NULL::INTEGER AS csat, FALSE AS contradictory, FALSE AS late, NULL::VARCHAR AS reason, NULL::INTEGER AS effect
      FROM surveys
    ), surveys3 AS (
      SELECT *, CASE WHEN nps >= 9 THEN 'positive' WHEN nps >= 7 THEN 'neutral' ELSE 'negative' END AS sentiment,
        rnd(key, 3, 129) < 0.45 AS has_text
      FROM surveys2
    ), ticket_fb AS (
      SELECT ticket_id AS key, cn, 'F' || ticket_id AS feedback_id, 'ticket' AS source,
        resolved_ts + to_seconds(floor(rnd(ticket_id, 3, 130) * 2 * 86400)::BIGINT) AS ts, NULL::INTEGER AS nps,
        satisfaction AS csat, FALSE AS contradictory, FALSE AS late, category AS reason, NULL::INTEGER AS effect,
        CASE WHEN satisfaction <= 2 THEN 'negative' WHEN satisfaction = 3 THEN 'neutral' ELSE 'positive' END AS sentiment,
        rnd(ticket_id, 3, 131) < 0.6 AS has_text
      FROM _demo_tk WHERE satisfaction IS NOT NULL AND rnd(ticket_id, 3, 132) < 0.3
    ), signal_fb AS (
      SELECT cn || '-' || k AS key, cn, 'FS' || cn || '-' || k AS feedback_id,
        ${pickSql('rnd(cn, k, 133)', [
          ['survey', 25],
          ['review', 35],
          ['social', 40],
        ])} AS source,
        (churn_d - ${CHURN_WINDOW_DAYS} + 5 + floor(rnd(cn, k, 134) * 80)::INTEGER) + to_seconds(floor(rnd(cn, k, 135) * 86400)::BIGINT) AS ts,
        NULL::INTEGER AS nps, NULL::INTEGER AS csat, FALSE AS contradictory, FALSE AS late, reason, effect,
        'negative' AS sentiment, TRUE AS has_text
      FROM _demo_signal WHERE NOT has_ticket OR also_feedback
    ), unioned AS (
      SELECT key, cn, feedback_id, source, ts, nps, csat, contradictory, late, reason, effect, sentiment, has_text, FALSE AS is_signal FROM reviews2
      UNION ALL SELECT key, cn, feedback_id, source, ts, nps, csat, contradictory, late, reason, effect, sentiment, has_text, FALSE AS is_signal FROM surveys3
      UNION ALL SELECT key, cn, feedback_id, source, ts, nps, csat, contradictory, late, reason, effect, sentiment, has_text, FALSE AS is_signal FROM ticket_fb
      UNION ALL SELECT key, cn, feedback_id, source, ts, nps, csat, contradictory, late, reason, effect, sentiment, has_text, TRUE FROM signal_fb
    ), scored AS (
      SELECT * REPLACE (
          CASE WHEN is_signal AND source = 'survey' THEN floor(rnd(key, 3, 136) * 5)::INTEGER ELSE nps END AS nps,
          CASE WHEN is_signal AND source = 'review' THEN 1 + floor(rnd(key, 3, 137) * 2)::INTEGER ELSE csat END AS csat),
        ${lang('rnd(key, 3, 138)')} AS language,
        ${topicSql(
          'sentiment',
          'rnd(key, 3, 139)',
          `coalesce(reason, CASE WHEN late AND rnd(key, 3, 140) < 0.7 THEN 'logistics' WHEN source = 'review' THEN ${pickSql('rnd(key, 3, 141)', REVIEW_COMPLAINTS)}
            ELSE ${pickSql('rnd(key, 3, 141)', BACKGROUND_REASONS)} END)`,
        )} AS topic,
        rnd(key, 3, 142) AS u_text
      FROM unioned WHERE ts < ${asOf}
    ), x AS (
      SELECT *, ${bankBucket('topic', 'sentiment', 'language')} AS bucket_bank,
        CASE WHEN effect IS NOT NULL AND rnd(key, 3, 143) < 0.6 THEN ${effectBucket('effect', 'language')} END AS bucket_pref
      FROM scored
    )
    ${withTextSql('x')}`,
    `INSERT INTO feedback
    SELECT f.feedback_id, c.customer_id, f.ts, f.source, f.nps, f.csat, f.text, CASE WHEN f.text IS NOT NULL THEN f.language END,
      NULL, NULL
    FROM _demo_fb f JOIN _demo_cust c USING (cn)`,
    `CREATE OR REPLACE TABLE demo_feedback_truth AS
    SELECT feedback_id, topic, sentiment, contradictory FROM _demo_fb WHERE text IS NOT NULL`,
  ];
}
