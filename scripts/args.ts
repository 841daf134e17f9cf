/**
 * Command-line arguments for every tool in scripts/, through `node:util` parseArgs: unknown
 * options, a missing option value and stray arguments all end the same way, with the reason, the
 * tool's usage and exit code 2 (the code the audit documents for bad arguments).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Prints the reason and the usage, and exits with code 2. */
export function usageError(message: string, usage: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

/** Parses `process.argv` strictly; on any error prints `usage` and exits with code 2. */
export function parseCommandLine<T extends Omit<ParseArgsConfig, 'args' | 'strict'>>(
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T & { strict: true }>> {
  try {
    return parseArgs({ ...config, strict: true });
  } catch (e) {
    return usageError((e as Error).message, usage);
  }
}
