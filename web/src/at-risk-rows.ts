/** Reads GET /api/customers/at-risk into display rows, whatever casing the server uses for its fields. */

export interface AtRiskRow {
  customerId: string;
  name: string;
  region: string;
  valueTier: string;
  riskScore: number | null;
  riskTier: string;
  expectedLoss: number | null;
  reasons: string[];
  action: string;
  [key: string]: unknown;
}

type Raw = Record<string, unknown>;

function field(raw: Raw, ...names: string[]): unknown {
  for (const name of names) if (raw[name] !== undefined && raw[name] !== null) return raw[name];
  return undefined;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'object') {
    const o = value as Raw;
    return text(o.label ?? o.title ?? o.text ?? o.name ?? o.code ?? '');
  }
  return String(value);
}

/** Why a customer is flagged: the server's reasons, else its rules, causes and risk-raising factors. */
function reasonsOf(raw: Raw): string[] {
  const explicit = field(raw, 'reasons', 'why', 'flags');
  if (Array.isArray(explicit)) return [...new Set(explicit.map(text).filter(Boolean))];
  if (explicit) return [text(explicit)];
  const rules = (field(raw, 'ruleLabels', 'rules') as unknown[] | undefined) ?? [];
  const causes = (field(raw, 'causeLabels', 'causes') as unknown[] | undefined) ?? [];
  const factors = ((field(raw, 'factors') as Raw[] | undefined) ?? [])
    .filter((f) => Number(f.contribution ?? 1) > 0)
    .slice(0, 3)
    .map((f) => (f.label && f.text ? `${text(f.label)}: ${text(f.text)}` : text(f)));
  return [...new Set([...rules.map(text), ...causes.map(text), ...factors].filter(Boolean))];
}

/** One customer row from the server's object. */
export function toAtRiskRow(raw: Raw): AtRiskRow {
  const score = Number(field(raw, 'riskScore', 'risk_score', 'risk', 'score'));
  const loss = Number(field(raw, 'expectedLoss', 'expected_loss') ?? Number.NaN);
  return {
    ...raw,
    customerId: text(field(raw, 'customerId', 'customer_id', 'id')),
    name: text(field(raw, 'name', 'customerName', 'customer_name')),
    region: text(field(raw, 'regionLabel', 'region')),
    valueTier: text(field(raw, 'valueTierLabel', 'valueTier', 'value_tier')),
    riskScore: Number.isFinite(score) ? score : null,
    riskTier: text(field(raw, 'riskTierLabel', 'riskTier', 'risk_tier')),
    expectedLoss: Number.isFinite(loss) ? loss : null,
    reasons: reasonsOf(raw),
    action: text(field(raw, 'actionLabel', 'suggestedAction', 'suggested_action', 'action', 'actions')),
  };
}

/** The list from the reply: `{ customers }`, `{ rows }` or a bare array. */
export function atRiskRows(reply: unknown): AtRiskRow[] {
  const list = Array.isArray(reply)
    ? reply
    : ((reply as Raw)?.customers ?? (reply as Raw)?.rows ?? (reply as Raw)?.items ?? []);
  return (list as Raw[]).map(toAtRiskRow);
}

/** One page of GET /api/customers/at-risk: its rows, the page, the total matching and the at-risk count. */
export interface AtRiskPage {
  rows: AtRiskRow[];
  page: number;
  pageSize: number;
  /** Customers matching the filters on screen (all pages). */
  total: number;
  /** At-risk customers the user may see (the home tile's count). */
  atRisk: number;
}

export function atRiskPage(reply: unknown): AtRiskPage {
  const r = (reply ?? {}) as Raw;
  const rows = atRiskRows(reply);
  const num = (v: unknown, fallback: number) =>
    v !== null && v !== undefined && Number.isFinite(Number(v)) ? Number(v) : fallback;
  return {
    rows,
    page: num(r.page, 1),
    pageSize: num(r.pageSize, rows.length || 1),
    total: num(r.total, rows.length),
    atRisk: num(r.atRisk, num(r.total, rows.length)),
  };
}
