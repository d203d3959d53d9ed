#!/usr/bin/env tsx
/**
 * The one command line: `tsx server/src/cli.ts <command> [options]`, exposed as npm scripts
 * (`npm start`, `npm run demo -- …`). Each command lives in `commands/<name>.ts` and exports
 * `run(args)`, returning the process exit code; modules load lazily so `--help` stays instant.
 */

type CommandModule = { run(args: string[]): Promise<number>; summary: string };

const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  serve: () => import('./commands/serve.ts'),
  demo: () => import('./commands/demo.ts'),
  ingest: () => import('./commands/ingest.ts'),
  query: () => import('./commands/query.ts'),
  ask: () => import('./commands/ask.ts'),
  bench: () => import('./commands/bench.ts'),
  model: () => import('./commands/model.ts'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || !(name in COMMANDS)) {
    if (name && !(name in COMMANDS) && name !== '--help' && name !== '-h')
      console.error(`unknown command: ${name}\n`);
    console.log('usage: npm run <command> -- [options]\n\ncommands:');
    for (const [cmd, load] of Object.entries(COMMANDS)) {
      const mod = await load().catch(() => null);
      console.log(`  ${cmd.padEnd(8)} ${mod?.summary ?? '(not available)'}`);
    }
    return name && name !== '--help' && name !== '-h' ? 2 : 0;
  }
  const mod = await COMMANDS[name]!();
  return mod.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exitCode = 1;
  },
);
