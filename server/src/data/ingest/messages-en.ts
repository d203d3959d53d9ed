/** English text of ingest refusals (`messages-zh.ts` has the same keys). */
export const EN = {
  database_locked:
    '{db} is open in another process (the server?): stop the server first, then ingest again (DuckDB allows one writer per file)',
  through_server:
    'The server at {url} holds {db}: loading into {staged}, then asking it to serve the new data…',
  server_needs_token:
    "The server at {url} holds {db}. Set CHATBI_API_TOKEN to the server's admin API token to load the data through it without stopping it, or stop the server first.",
  server_append:
    'The server at {url} holds {db}: --mode append needs the served data itself. Stop the server first, or load with --mode replace (the default) to go through the server.',
  reloaded: 'The server at {url} now serves the new data of {model} (swapped in {seconds} s, no restart).',
  reload_refused: 'The server at {url} did not take the new data of {model} (HTTP {status}): {message}',
  server_unreachable:
    'The server at {url} holds {db} but does not answer ({why}): stop it, then ingest again.',
} as const;
