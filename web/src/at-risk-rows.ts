/** Reads GET /api/customers/at-risk into display rows, whatever casing the server uses for its fields. */

export interface AtRiskRow {
  customerId: string;
  name: string;
  region: string;
  valueTier: string;
  riskScore: number | null;
  riskTier: string;
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
  if (Array.isArray(explicit)) return explicit.map(text).filter(Boolean);
  if (explicit) return [text(explicit)];
  const rules = (field(raw, 'ruleLabels', 'rules') as unknown[] | undefined) ?? [];
  const causes = (field(raw, 'causeLabels', 'causes') as unknown[] | undefined) ?? [];
  const factors = ((field(raw, 'factors') as Raw[] | undefined) ?? [])
    .filter((f) => Number(f.contribution ?? 1) > 0)
    .slice(0, 3)
    .map((f) => (f.label && f.text ? `${text(f.label)}: ${text(f.text)}` : text(f)));
  return [...rules.map(text), ...causes.map(text), ...factors].filter(Boolean);
}

/** One customer row from the server's object. */
export function toAtRiskRow(raw: Raw): AtRiskRow {
  const score = Number(field(raw, 'riskScore', 'risk_score', 'risk', 'score'));
  return {
    ...raw,
    customerId: text(field(raw, 'customerId', 'customer_id', 'id')),
    name: text(field(raw, 'name', 'customerName', 'customer_name')),
    region: text(field(raw, 'regionLabel', 'region')),
    valueTier: text(field(raw, 'valueTierLabel', 'valueTier', 'value_tier')),
    riskScore: Number.isFinite(score) ? score : null,
    riskTier: text(field(raw, 'riskTierLabel', 'riskTier', 'risk_tier')),
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
