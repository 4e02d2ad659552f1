/**
 * Colour policy: off with --no-color or a non-empty NO_COLOR (chalk does not read NO_COLOR itself),
 * on with --color or FORCE_COLOR, otherwise only on a terminal. chalk loads only when colour is on.
 */
import { PLAIN_STYLE } from '../report/text-style.js';
import type { TextStyle } from '../report/text-style.js';
import type { CliIo } from './io.js';

export async function chooseStyle(io: CliIo, color: boolean | undefined): Promise<TextStyle> {
  const force = io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  const wanted = color ?? (io.env.NO_COLOR ? false : force || io.stdout.isTTY === true);
  if (!wanted || (color === undefined && io.env.TERM === 'dumb')) return PLAIN_STYLE;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { error: chalk.red, warning: chalk.yellow, info: chalk.cyan, heading: chalk.bold, dim: chalk.dim };
}
