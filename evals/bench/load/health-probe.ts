/**
 * Pings GET /api/health (no database, no auth) every `intervalMs` while a phase runs: its latency is how
 * long any request waits for the server's event loop, i.e. how much the in-flight work blocks it.
 */
import { summarize } from './latency-stats.ts';

export function startHealthProbe(baseUrl: string, intervalMs = 500) {
  const ms: number[] = [];
  let failures = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      try {
        const r = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(120_000) });
        await r.arrayBuffer();
        if (r.ok) ms.push(performance.now() - t0);
        else failures++;
      } catch {
        failures++;
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { latencyMs: summarize(ms), failures };
    },
  };
}
