/** Collects parameter values in order and hands out their placeholders (Cube's ParamAllocator idea). */
export class Params {
  readonly values: unknown[] = [];
  /** Adds a value; returns its 1-based position. */
  add(value: unknown): number {
    this.values.push(value);
    return this.values.length;
  }
}
