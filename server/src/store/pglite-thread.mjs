// A worker thread holding the embedded PGlite database (pglite-worker.ts is the other end): Postgres runs as
// WASM, synchronously for each statement, so in the server's own thread every conversation write and history
// read would hold the event loop. Plain JavaScript: the worker needs no TypeScript loader.
// Messages in: { id, op: 'query', sql, params, rowMode, textTypes, txId? } | { id, op: 'exec', sql, txId? }
//   | { id, op: 'begin' } (a transaction; its id is this message's id) | { id, op: 'end', txId, commit }
//   | { id, op: 'close' }. Out: { id, ok: true, value } | { id, ok: false, error }.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const { dataDir, loadDataDir, startParams } = workerData;
const pg = new PGlite({
  ...(dataDir === 'memory://' ? {} : { dataDir }),
  ...(loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}),
  ...(startParams ? { startParams } : {}),
});
/** Open transactions: their PGlite handle and how to finish them. */
const open = new Map();

const same = (value) => value;
const textParsers = (types) => Object.fromEntries((types ?? []).map((oid) => [oid, same]));

/** A driver error as plain data: the message and Postgres' fields (code, detail, constraint, …). */
function plainError(e) {
  if (!(e instanceof Error)) return { message: String(e) };
  const fields = {};
  for (const [key, value] of Object.entries(e))
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  return { ...fields, name: e.name, message: e.message };
}

const reply = (id, ok, value) =>
  parentPort.postMessage(ok ? { id, ok, value } : { id, ok, error: plainError(value) });

function target(txId) {
  if (txId === undefined) return pg;
  const tx = open.get(txId)?.tx;
  if (!tx) throw new Error(`transaction ${txId} is not open`);
  return tx;
}

function begin(id) {
  let finish;
  const held = new Promise((resolve, reject) => {
    finish = { resolve, reject };
  });
  let started = false;
  const done = pg.transaction((tx) => {
    started = true;
    open.set(id, { tx, finish, done });
    reply(id, true, null);
    return held;
  });
  done.catch((e) => {
    if (!started) reply(id, false, e);
  });
}

async function end(id, { txId, commit }) {
  const entry = open.get(txId);
  if (!entry) throw new Error(`transaction ${txId} is not open`);
  open.delete(txId);
  if (commit) {
    entry.finish.resolve();
    await entry.done;
  } else {
    entry.finish.reject(new Error('rolled back'));
    await entry.done.catch(() => {});
  }
  reply(id, true, null);
}

async function handle(m) {
  switch (m.op) {
    case 'query': {
      const result = await target(m.txId).query(m.sql, m.params, {
        rowMode: m.rowMode,
        parsers: textParsers(m.textTypes),
      });
      return reply(m.id, true, result);
    }
    case 'exec':
      return reply(m.id, true, await target(m.txId).exec(m.sql));
    case 'begin':
      return begin(m.id);
    case 'end':
      return end(m.id, m);
    case 'close':
      await pg.close();
      return reply(m.id, true, null);
    default:
      throw new Error(`unknown operation ${m.op}`);
  }
}

parentPort.on('message', (m) => {
  handle(m).catch((e) => reply(m.id, false, e));
});
await pg.waitReady;
parentPort.postMessage({ ready: true });
