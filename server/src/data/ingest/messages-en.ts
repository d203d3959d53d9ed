/** English text of ingest refusals (`messages-zh.ts` has the same keys). */
export const EN = {
  database_locked:
    '{db} is open in another process (the server?): stop the server first, then ingest again (DuckDB allows one writer per file)',
} as const;
