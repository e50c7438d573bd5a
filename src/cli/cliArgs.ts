import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliExit, EXIT } from './exitCodes.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A subcommand's flags and positionals, parsed strictly; an unknown or malformed flag stops
 * with the usage exit code, the parser's message and the command's usage text.
 */
export function parseCliArgs<O extends Options>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (err) {
    throw new CliExit(EXIT.usage, `${(err as Error).message}\n${usage}`);
  }
}
