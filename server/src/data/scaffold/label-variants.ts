/**
 * Spots labels of one column that name the same thing: case and spacing variants (`Mobile phone`,
 * `mobile  Phone`), an acronym and its words (`COD` / `Cash on Delivery`, `CC` / `Credit Card`), and a
 * label that is the tail of a longer one (`Phone` / `Mobile Phone`). The longer, more frequent label wins.
 */

export interface VariantGroup {
  /** The label the others are cleaned into. */
  into: string;
  /** The other labels, with why each is a variant. */
  from: Array<{ value: string; why: 'case_or_spacing' | 'acronym' | 'shorter_form' }>;
}

const normal = (s: string) => s.toLowerCase().replace(/[\s_\-.]+/g, '');
const words = (s: string) =>
  s
    .trim()
    .split(/[\s_-]+/)
    .filter(Boolean);

function acronymOf(label: string): string {
  return words(label)
    .map((w) => w[0]!)
    .join('')
    .toLowerCase();
}

/** Why `short` is a variant of `long`, or undefined. */
function variantKind(short: string, long: string): VariantGroup['from'][number]['why'] | undefined {
  if (short === long) return undefined;
  // "No" is not a shorter "No internet service": yes/no answers are values of their own.
  if (/^(yes|no|none|n\/a|other|true|false)$/i.test(short.trim())) return undefined;
  if (normal(short) === normal(long)) return 'case_or_spacing';
  const longWords = words(long);
  if (longWords.length >= 2 && /^[A-Za-z]{2,5}$/.test(short.trim())) {
    const full = acronymOf(long);
    const significant = longWords
      .filter((w) => !/^(on|of|and|the|a|an|by|to|in)$/i.test(w))
      .map((w) => w[0]!)
      .join('')
      .toLowerCase();
    if (short.trim().toLowerCase() === full || short.trim().toLowerCase() === significant) return 'acronym';
  }
  const shortWords = words(short).map((w) => w.toLowerCase());
  const tail = longWords.slice(-shortWords.length).map((w) => w.toLowerCase());
  const head = longWords.slice(0, shortWords.length).map((w) => w.toLowerCase());
  if (
    shortWords.length < longWords.length &&
    (tail.join(' ') === shortWords.join(' ') || head.join(' ') === shortWords.join(' '))
  )
    return 'shorter_form';
  return undefined;
}

/** Groups of variants among the values of one column (values with their row counts). */
export function findVariants(values: Array<{ value: string; count: number }>): VariantGroup[] {
  // Longer labels first (then the more frequent): a label is folded into the first one it is a variant of.
  const ordered = [...values].sort(
    (a, b) =>
      words(b.value).length - words(a.value).length || b.count - a.count || a.value.localeCompare(b.value),
  );
  const groups = new Map<string, VariantGroup>();
  const folded = new Set<string>();
  for (const candidate of [...ordered].reverse()) {
    for (const target of ordered) {
      if (target.value === candidate.value || folded.has(target.value)) continue;
      const why = variantKind(candidate.value, target.value);
      if (!why) continue;
      // Same-length case variants: the more frequent spelling wins.
      if (why === 'case_or_spacing' && candidate.count > target.count) continue;
      const group = groups.get(target.value) ?? { into: target.value, from: [] };
      group.from.push({ value: candidate.value, why });
      groups.set(target.value, group);
      folded.add(candidate.value);
      break;
    }
  }
  return [...groups.values()].filter((g) => !folded.has(g.into));
}

/** A `map:` of an ingest column that cleans every variant into its group's label. */
export function variantMap(groups: VariantGroup[]): Record<string, string> {
  return Object.fromEntries(groups.flatMap((g) => g.from.map((f) => [f.value, g.into])));
}
