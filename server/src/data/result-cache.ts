/**
 * Recently read query results, so the same governed query (home tiles, a repeated question, the same
 * follow-up from many users) is not run again while the data is unchanged. Bounded by the rows it
 * holds; results over `maxRowsPerResult` are never kept. The engine clears it whenever it writes.
 */

export interface CachedResult<T> {
  value: T;
  rows: number;
}

export class ResultCache<T> {
  private readonly entries = new Map<string, CachedResult<T>>();
  private heldRows = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly maxRows = 200_000,
    private readonly maxRowsPerResult = 5_001,
  ) {}

  /** The cached value, refreshed as most recently used. */
  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` (of `rows` rows) unless it is too big; evicts the least recently used first. */
  set(key: string, value: T, rows: number): void {
    if (rows > this.maxRowsPerResult) return;
    const old = this.entries.get(key);
    if (old) {
      this.heldRows -= old.rows;
      this.entries.delete(key);
    }
    this.entries.set(key, { value, rows });
    this.heldRows += rows;
    for (const [k, e] of this.entries) {
      if (this.heldRows <= this.maxRows) break;
      this.entries.delete(k);
      this.heldRows -= e.rows;
    }
  }

  delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.heldRows -= old.rows;
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.heldRows = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}
