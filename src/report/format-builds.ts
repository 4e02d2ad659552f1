/** `flagdiff show` of a recipe: each build's words, each with the line it was written at and how it got there. */
import { ANY_OPTION } from '../model/build.js';
import type { Argument, Build, RecipeBuilds } from '../model/build.js';
import type { Origin } from '../model/origin.js';
import { PLAIN_STYLE } from './text-style.js';
import type { TextStyle } from './text-style.js';

/** `file:line`, then the uses it came through, outermost first: `via run_configure at :1700, %{disable_everything} at :1620`. */
export function describeOrigin(origin: Origin): string {
  const steps = (origin.via ?? []).map((step) => `${step.name ?? 'line'} at ${step.file === origin.file ? '' : step.file}:${step.line}`);
  return `${origin.file}:${origin.line}${steps.length ? ` via ${steps.join(', ')}` : ''}`;
}

export function formatBuildsText(reading: RecipeBuilds, style: TextStyle = PLAIN_STYLE): string[] {
  const count = `${reading.builds.length} build${reading.builds.length === 1 ? '' : 's'}`;
  const out = [style.heading(`# ${reading.source}: ${reading.arch}, ${count}`)];
  for (const d of reading.diagnostics) out.push(`# ${d.level} ${d.code} ${d.file}${d.line ? `:${d.line}` : ''}: ${d.message}`);
  // What the recipe's own patches add to QEMU's configure, which upstream's vocabulary would not know.
  for (const option of reading.patchedOptions ?? []) {
    const what = option.spelling === ANY_OPTION ? 'lets configure go on past options it does not know' : `adds ${option.spelling} to configure`;
    out.push(`# a patch ${what}, ${describeOrigin(option.origin)}`);
  }
  for (const build of reading.builds) out.push(...formatBuild(build, style));
  return out;
}

function formatBuild(build: Build, style: TextStyle): string[] {
  const out = [style.heading(`## ${build.id}: ${build.tool}, ${build.argv.length} arguments, ${describeOrigin(build.origin)}`)];
  // The device files the recipe puts in place, written as `flagdiff qemu --devices` takes them.
  for (const device of build.devices ?? []) {
    const file = device.written ? `${device.file} (${device.written.length} lines written)` : device.file;
    out.push(`  devices ${device.target}/${device.name}${device.mode === 'append' ? '+=' : '='}${file}`);
  }
  for (const argument of build.argv) out.push(formatArgument(argument, style));
  return out;
}

function formatArgument(argument: Argument, style: TextStyle): string {
  const unknown = argument.unknown ? ` ${style.warning(`unknown: ${argument.unknown}`)}` : '';
  return `  ${argument.text.padEnd(42)} ${style.dim(describeOrigin(argument.origin))}${unknown}`;
}
