/**
 * A bound on analyses running at once. Each reads whole customer populations into memory (at 1M
 * customers, hundreds of MB at its peak); on two cores more at once only multiplies the memory, not the
 * throughput, so further analyses wait their turn in arrival order. Single-query answers never wait.
 */
export class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`slots must be a positive integer, got ${size}`);
    this.free = size;
  }

  /** Runs `work` when a slot is free; the slot is released however it ends. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Waits for a free slot; the caller must call the returned `release` once, however its work ends. */
  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }

  /** Analyses waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }
}

/** Analyses at once (`CHATBI_MAX_ANALYSES`, default 2: one per core). */
export const analysisSlots = new Slots(Number(process.env.CHATBI_MAX_ANALYSES) || 2);
