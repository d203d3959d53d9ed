import { type DuckDBConnection, DuckDBInstance, DuckDBTypeId } from '@duckdb/node-api';

/** Column types whose JSON form is a string (BIGINT, HUGEINT, DECIMAL) but whose value is a number. */
const WIDE_NUMBERS = new Set([
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.DECIMAL,
]);

/**
 * A bare DuckDB for the semantic layer's own tests (one connection; the library depends on nothing of
 * the server's): runs compiled SQL with its parameters and returns rows as plain JSON-safe objects.
 */
export class TestDuck {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
  ) {}

  static async open(path = ':memory:'): Promise<TestDuck> {
    const instance = await DuckDBInstance.create(path);
    return new TestDuck(instance, await instance.connect());
  }

  async query(sql: string, params: unknown[] = []): Promise<{ rows: Record<string, unknown>[] }> {
    const reader = await this.conn.runAndReadAll(sql, params as never);
    const names = reader.columnNames();
    const wide = names.map((_, i) => WIDE_NUMBERS.has(reader.columnTypeId(i)));
    const rows = reader
      .getRowsJson()
      .map((r) =>
        Object.fromEntries(names.map((n, i) => [n, wide[i] && r[i] !== null ? Number(r[i]) : r[i]])),
      );
    return { rows };
  }

  async exec(statements: string | string[]): Promise<void> {
    for (const s of Array.isArray(statements) ? statements : [statements]) await this.conn.run(s);
  }

  async tables(): Promise<Set<string>> {
    const r = await this.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'",
    );
    return new Set(r.rows.map((x) => String(x.table_name)));
  }

  async close(): Promise<void> {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
