/**
 * A command's flags, parsed once for every command: `--help`/`-h` prints the usage (exit 0); an unknown
 * flag, a flag without its value, or an argument the command does not take prints the error and the
 * usage (exit 2).
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h' } } as const;
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O & typeof HELP; allowPositionals: true }>
>;

/** The parsed flags and positionals, or the exit code when the command stops at its usage. */
export function commandArgs<O extends Options>(
  args: string[],
  options: O,
  usage: string,
  { positionals = false }: { positionals?: boolean } = {},
): Parsed<O> | { exit: 0 | 2 } {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args, options: { ...options, ...HELP }, allowPositionals: true });
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n\n${usage}`);
    return { exit: 2 };
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return { exit: 0 };
  }
  if (!positionals && parsed.positionals.length > 0) {
    console.error(`error: unexpected argument ${parsed.positionals[0]}\n\n${usage}`);
    return { exit: 2 };
  }
  return parsed;
}
