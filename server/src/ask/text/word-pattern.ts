/** A word as a literal inside a regular expression (its special characters escaped). */
export const escapeRegex = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Words as one regular-expression alternation, longest first (so "个星期" wins over "星期"), each escaped;
 * `spaces: true` lets a space inside a word match any run of spaces.
 * @example wordAlternation(['月', '个月']) === '个月|月'
 */
export function wordAlternation(words: readonly string[], opts: { spaces?: boolean } = {}): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => (opts.spaces ? escapeRegex(w).replace(/ /g, '\\s+') : escapeRegex(w)))
    .join('|');
}
