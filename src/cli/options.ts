/** Argument parsing shared by the commands: node:util parseArgs, with mistakes turned into usage errors. */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { ARCHES, isArch } from '../model/arch.js';
import type { Arch } from '../model/arch.js';
import { UsageError } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export { FAIL_ON } from '../compare/should-fail.js';
export type { FailOn } from '../compare/should-fail.js';

/** Options of the commands that compare: what fails the run, what is accepted, how much is printed. */
export const REPORT_OPTIONS = {
  'fail-on': { type: 'string', default: 'error' },
  waivers: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  category: { type: 'string' },
} as const satisfies Options;

/** Options every command takes. `color` is declared because chalk also reads it from argv. */
export const COMMON_OPTIONS = {
  format: { type: 'string', short: 'f', default: 'text' },
  output: { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export function parseCommand<O extends Options>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true, allowNegative: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function oneOf<T extends string>(option: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be one of ${choices.join(', ')}; got '${value}'`);
}

export function parseArches(values: readonly string[] | undefined): Arch[] {
  return (values ?? []).map((value) => {
    if (isArch(value)) return value;
    throw new UsageError(`--arch must be one of ${ARCHES.join(', ')} (uname -m names); got '${value}'`);
  });
}

/**
 * `--define NAME=VALUE` (or rpm's own `'NAME VALUE'`): macros a spec reads, in order. The name is
 * checked as rpm checks it: a letter first, or `_` and more.
 */
export function parseDefines(values: readonly string[] | undefined): Array<[string, string]> {
  return (values ?? []).map((value) => {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:=|\s+)([\s\S]*)$/.exec(value) ?? /^([A-Za-z_][A-Za-z0-9_]*)$/.exec(value);
    if (!match || match[1] === '_') throw new UsageError(`--define takes NAME=VALUE with a macro name (a letter or _ first); got '${value}'`);
    return [match[1]!, match[2] ?? ''];
  });
}

/**
 * `--category NAME`: a bot's name for a run (`pr-123/debian-amd64`). It becomes the start of each SARIF
 * run's `automationDetails.id` and the Markdown comment's hidden marker, so it is one word of plain
 * characters.
 */
export function parseCategory(value: string | undefined): string | undefined {
  if (value === undefined || /^[A-Za-z0-9][A-Za-z0-9._/:@+-]*$/.test(value)) return value;
  throw new UsageError(`--category takes letters, digits and . _ / : @ + - (as pr-123/debian), not ${JSON.stringify(value)}`);
}
