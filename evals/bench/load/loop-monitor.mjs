// Preloaded into the server child by `load-test.ts --profile` (`node --import`): a 10 ms timer whose lateness
// is how long the event loop was held. Every hold of ≥ LOOP_MONITOR_MS (default 50) ms is appended to
// LOOP_MONITOR_FILE as one JSON line { startUs, endUs, ms } on the monotonic clock in microseconds, the clock
// of V8's CPU profiles (`--cpu-prof`), so evals/bench/profile-stalls.ts can say what ran during each hold.
import { appendFileSync } from 'node:fs';

const file = process.env.LOOP_MONITOR_FILE;
const threshold = Number(process.env.LOOP_MONITOR_MS ?? 50);
const PERIOD_MS = 10;
if (file) {
  const nowUs = () => Number(process.hrtime.bigint() / 1000n);
  let last = nowUs();
  const timer = setInterval(() => {
    const now = nowUs();
    const lateMs = (now - last) / 1000 - PERIOD_MS;
    if (lateMs >= threshold)
      appendFileSync(
        file,
        `${JSON.stringify({ startUs: last + PERIOD_MS * 1000, endUs: now, ms: Math.round(lateMs) })}\n`,
      );
    last = now;
  }, PERIOD_MS);
  timer.unref();
}
