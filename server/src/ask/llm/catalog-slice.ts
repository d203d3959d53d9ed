import type {
  Catalog,
  CatalogDimension,
  CatalogDimensionValue,
  CatalogMember,
  CatalogMetric,
  Synonyms,
} from '../../../../semantic-layer/src/catalog.ts';
import type { SemanticQueryInput } from '../../../../semantic-layer/src/query.ts';

/** Limits on how much of the catalog goes into one prompt. */
export interface SliceLimits {
  /** Members shown even when nothing matches, so the model sees what the catalog is about. */
  minMetrics: number;
  minDimensions: number;
  maxMetrics: number;
  maxDimensions: number;
  maxValuesPerDimension: number;
  maxSynonyms: number;
}

export const DEFAULT_SLICE_LIMITS: SliceLimits = {
  minMetrics: 5,
  minDimensions: 5,
  maxMetrics: 12,
  maxDimensions: 10,
  maxValuesPerDimension: 30,
  maxSynonyms: 6,
};

/** The members of a catalog a question is likely about; values only for dimensions it touches. */
export interface CatalogSlice {
  model: string;
  defaultMetric: string;
  metrics: CatalogMetric[];
  dimensions: CatalogDimension[];
  /** Values to show, by dimension id (absent: the dimension is listed without values). */
  values: Record<string, CatalogDimensionValue[]>;
}

const CJK = /[\u3400-\u9fff]/;
/** A whole label or synonym found in the question (partial overlaps score below this). */
export const STRONG_MATCH = 10;

function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[_\-/]+/g, ' ');
}

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  const compact = text.replace(/\s+/g, '');
  for (let i = 0; i + 1 < compact.length; i++) if (CJK.test(compact[i])) out.add(compact.slice(i, i + 2));
  return out;
}

function words(text: string): Set<string> {
  return new Set(text.match(/[a-z0-9]+/g)?.filter((w) => w.length > 2) ?? []);
}

/** The question, prepared once for scoring many terms. */
interface PreparedQuestion {
  text: string;
  bigrams: Set<string>;
  words: Set<string>;
  /** 5-letter prefixes of longer words, so "customers" meets "customer". */
  stems: Set<string>;
}

function prepare(question: string): PreparedQuestion {
  const text = normalise(question);
  const ws = words(text);
  const stems = new Set([...ws].filter((w) => w.length > 4).map((w) => w.slice(0, 5)));
  return { text, bigrams: bigrams(text), words: ws, stems };
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[a-z0-9]/.test(ch);

/** `term` occurs in `text` with no letter or digit glued to either side. */
function containsWord(text: string, term: string): boolean {
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1))
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + term.length])) return true;
  return false;
}

/**
 * How strongly a term (label or synonym) occurs in the question: a whole occurrence scores by its
 * length; otherwise the share of its CJK bigrams or English words found (so 流失客户 still hints
 * churned_customers in 客户流失了多少).
 */
export function termScore(term: string, q: PreparedQuestion): number {
  const t = normalise(term).trim();
  if (t.length < 2) return 0;
  const whole = CJK.test(t) ? q.text.includes(t) : containsWord(q.text, t);
  if (whole) return STRONG_MATCH + t.length;
  const grams = bigrams(t);
  const ws = words(t);
  const total = grams.size + ws.size;
  if (total === 0) return 0;
  let hit = 0;
  for (const g of grams) if (q.bigrams.has(g)) hit++;
  for (const w of ws) if (q.words.has(w) || (w.length > 4 && q.stems.has(w.slice(0, 5)))) hit++;
  const share = hit / total;
  return share >= 0.5 ? 5 * share : 0;
}

function termsOf(x: { label: { zh: string; en: string }; synonyms: Synonyms }, id?: string): string[] {
  return [...(id ? [id] : []), x.label.zh, x.label.en, ...x.synonyms.zh, ...x.synonyms.en];
}

function memberScore(m: CatalogMember, q: PreparedQuestion): number {
  return Math.max(0, ...termsOf(m, m.id).map((t) => termScore(t, q)));
}

function valueScore(v: CatalogDimensionValue, q: PreparedQuestion): number {
  return Math.max(0, ...termsOf(v, v.value).map((t) => termScore(t, q)));
}

/**
 * Every strong match (and pinned member), then the best partial matches and catalog order until
 * `min`, at most `max`; listed in catalog order so the slice is deterministic.
 */
function pick<T extends { id: string }>(
  all: T[],
  score: Map<string, number>,
  pinned: Set<string>,
  min: number,
  max: number,
): T[] {
  const ranked = all
    .map((m, i) => ({ m, i, s: (pinned.has(m.id) ? 1000 : 0) + (score.get(m.id) ?? 0) }))
    .sort((a, b) => b.s - a.s || a.i - b.i);
  const strong = ranked.filter((r) => r.s >= STRONG_MATCH).length;
  return ranked
    .slice(0, Math.min(max, Math.max(min, strong)))
    .sort((a, b) => a.i - b.i)
    .map((r) => r.m);
}

/**
 * Picks the catalog members relevant to a question (plus the default metric and the previous
 * turn's members), so the prompt stays small on large models.
 */
export function sliceCatalog(
  catalog: Catalog,
  question: string,
  previous?: SemanticQueryInput | null,
  limits: SliceLimits = DEFAULT_SLICE_LIMITS,
): CatalogSlice {
  const q = prepare(question);
  const metricScore = new Map(catalog.metrics.map((m) => [m.id, memberScore(m, q)]));
  const pinnedMetrics = new Set([catalog.defaultMetric, ...(previous?.metrics ?? [])]);
  const metrics = pick(catalog.metrics, metricScore, pinnedMetrics, limits.minMetrics, limits.maxMetrics);

  const dimScore = new Map<string, number>();
  const valueScores = new Map<string, Map<string, number>>();
  for (const d of catalog.dimensions) {
    const vs = new Map(d.values.map((v) => [v.value, valueScore(v, q)]));
    valueScores.set(d.id, vs);
    dimScore.set(d.id, Math.max(memberScore(d, q), ...vs.values()));
  }
  const previousDims = [
    ...(previous?.dimensions ?? []),
    ...(previous?.filters ?? []).map((f) => f.member),
    ...(previous?.time?.dimension ? [previous.time.dimension] : []),
  ];
  const pinnedDims = new Set(previousDims);
  // Time dimensions only when asked for: metric_time covers the usual case.
  const candidates = catalog.dimensions.filter(
    (d) => d.type !== 'time' || (dimScore.get(d.id) ?? 0) >= STRONG_MATCH || pinnedDims.has(d.id),
  );
  const dimensions = pick(candidates, dimScore, pinnedDims, limits.minDimensions, limits.maxDimensions);

  const values: Record<string, CatalogDimensionValue[]> = {};
  for (const d of dimensions) {
    const touched = (dimScore.get(d.id) ?? 0) >= STRONG_MATCH || pinnedDims.has(d.id);
    if (!touched || d.values.length === 0) continue;
    const vs = valueScores.get(d.id)!;
    values[d.id] = d.values
      .map((v, i) => ({ v, i, s: vs.get(v.value) ?? 0 }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .slice(0, limits.maxValuesPerDimension)
      .sort((a, b) => a.i - b.i)
      .map((x) => x.v);
  }
  return { model: catalog.model, defaultMetric: catalog.defaultMetric, metrics, dimensions, values };
}

function labelOf(x: { label: { zh: string; en: string } }): string {
  return x.label.zh === x.label.en ? x.label.en : `${x.label.zh} / ${x.label.en}`;
}

function synonymsOf(x: { synonyms: Synonyms }, max: number): string {
  const all = [...x.synonyms.zh.slice(0, max), ...x.synonyms.en.slice(0, max)];
  return all.length ? `; also: ${all.join(', ')}` : '';
}

/** `stored (labels)`, naming only the labels that differ from the stored value. */
function renderValue(v: CatalogDimensionValue): string {
  const labels = [...new Set([v.label.zh, v.label.en])].filter((l) => l !== v.value);
  return labels.length ? `${v.value} (${labels.join(' / ')})` : v.value;
}

/** The `{{catalog}}` text: one line per member, values as `stored (label)`. */
export function renderCatalogSlice(slice: CatalogSlice, limits: SliceLimits = DEFAULT_SLICE_LIMITS): string {
  const lines = [`Default metric: ${slice.defaultMetric}`, 'Metrics:'];
  for (const m of slice.metrics) {
    const flags = [m.format, m.requiresPeriod ? 'period' : '', m.lowerIsBetter ? 'lower is better' : '']
      .filter(Boolean)
      .join(', ');
    lines.push(`- ${m.id}: ${labelOf(m)} [${flags}]${synonymsOf(m, limits.maxSynonyms)}`);
  }
  lines.push('Dimensions:');
  for (const d of slice.dimensions) {
    const grains = d.type === 'time' && d.grains?.length ? `, grains ${d.grains.join('/')}` : '';
    lines.push(`- ${d.id}: ${labelOf(d)} [${d.type}${grains}]${synonymsOf(d, limits.maxSynonyms)}`);
    const vs = slice.values[d.id];
    if (vs?.length) {
      const more = d.values.length > vs.length ? ` (+${d.values.length - vs.length} more)` : '';
      lines.push(`  values: ${vs.map(renderValue).join(', ')}${more}`);
    }
  }
  return lines.join('\n');
}
