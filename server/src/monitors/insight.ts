/** What a firing delivers: an insight in the subscriber's language, as plain parts every channel formats. */

/** The attribution attached to a metric insight (a decomposition of the change, or the churn reasons). */
export interface InsightAttribution {
  intent: 'decomposition' | 'reasons';
  /** The dimension a decomposition split the change by. */
  dimension?: string;
  narrative: string;
  /** The top parts (segment or reason) with their formatted contribution. */
  parts: { label: string; value: string }[];
  /** The structured result the analysis returned (mix and rate effects, difference…). */
  detail: Record<string, unknown>;
}

/** An insight: title, headline and lines of text, plus the structured values behind them. */
export interface InsightDraft {
  kind: 'metric' | 'early_warning' | 'question' | 'digest';
  /** The condition held (an alert), or the firing only reports (a digest, a subscribed question). */
  fired: boolean;
  title: string;
  headline: string;
  lines: string[];
  /** The question that opens the insight in the chat. */
  question: string | null;
  content: Record<string, unknown>;
  /** What the subscription remembers for its next firing (e.g. customers flagged now). */
  nextState?: Record<string, unknown>;
}

/** The insight as plain text (e-mail text part, logs). */
export function insightText(insight: Pick<InsightDraft, 'title' | 'headline' | 'lines'>): string {
  return [insight.title, '', insight.headline, ...insight.lines.map((l) => `• ${l}`)].join('\n');
}

/** The insight as Markdown (Slack mrkdwn and WeCom markdown both read `**bold**`-free plain lines well). */
export function insightMarkdown(insight: Pick<InsightDraft, 'title' | 'headline' | 'lines'>): string {
  return [`**${insight.title}**`, insight.headline, ...insight.lines.map((l) => `> ${l}`)].join('\n');
}
