/** `flagdiff show kata --domain qemu`: Kata's configure options in configure-hypervisor.sh's order, with its tags and lines. */
import type { Diagnostic } from '../model/diagnostic.js';
import { formatOrigin } from '../model/origin.js';
import type { KataQemuOption } from '../readers/kata/qemu-requirements.js';
import type { TextStyle } from './text-style.js';

/** One arch and flavour of Kata's QEMU build. */
export interface KataOptionsShown {
  readonly kind: 'kata-options';
  readonly name: string;
  readonly source: string;
  readonly arch: string;
  readonly flavor: string;
  readonly qemuVersion: string;
  /** The script's tags legend: each tag and what it means. */
  readonly tags: Readonly<Record<string, string>>;
  readonly options: readonly KataQemuOption[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The header, the diagnostics, then `tags  option  file:line`, the columns of the script's own -d dump. */
export function formatKataOptionsText(shown: KataOptionsShown, style: TextStyle): string[] {
  const out = [style.heading(`# ${shown.name} (${shown.source}): qemu ${shown.arch} ${shown.flavor}, QEMU ${shown.qemuVersion}, ${shown.options.length} configure options`)];
  for (const d of shown.diagnostics) out.push(`# ${d.level} ${d.code} ${d.file}${d.line ? `:${d.line}` : ''}: ${d.message}`);
  const width = Math.max(...shown.options.map((o) => o.tags.join(',').length), 4);
  const optionWidth = Math.min(Math.max(...shown.options.map((o) => o.option.length), 0), 48);
  for (const o of shown.options) out.push(`${o.tags.join(',').padEnd(width)}  ${o.option.padEnd(optionWidth)}  ${style.dim(formatOrigin(o.origin))}`);
  return out;
}

export function kataOptionsJson(shown: KataOptionsShown): object {
  const { options, ...rest } = shown;
  return { ...rest, options: options.map((o) => ({ tags: o.tags, option: o.option, file: o.origin.file, line: o.origin.line })) };
}
