/**
 * kernel-ark's `redhat/configs/priority.<flavour>` files, read as build_configs.sh `build_flavor`
 * reads them: `#` and blank lines skipped, `ORDER=` the top directories, `EMPTY=` variants written
 * as `# EMPTY`, every other `variant=layer:layer:...` line a variant, lowest priority first.
 */
import { createDiagnosticSink, quoteLine } from '../diagnostic-sink.js';
import type { ReadHost } from '../host.js';

export interface PriorityFile {
  readonly file: string;
  /** Top directories in merge order (`common pending-common fedora ...`). */
  readonly order: readonly string[];
  readonly empty: readonly string[];
  /** Variant name (`x86_64-debug`) → layer names (`generic-x86-x86_64`) and the line that lists them. */
  readonly variants: ReadonlyMap<string, { readonly layers: readonly string[]; readonly line: number }>;
  readonly diagnostics: ReturnType<ReturnType<typeof createDiagnosticSink>['finish']>;
}

export function readPriorityFile(text: string, file: string): PriorityFile {
  const sink = createDiagnosticSink(file);
  let order: string[] = [];
  let empty: string[] = [];
  const variants = new Map<string, { layers: string[]; line: number }>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    // `cut -f1 -d=` and `cut -f2 -d=`: the text before the first `=` and up to the second.
    const [name = '', value = ''] = line.split('=');
    const words = value.split(/\s+/).filter(Boolean);
    if (!line.includes('=')) sink.add('FD155', `${quoteLine(line)} is not NAME=VALUE`, { file, line: index + 1 });
    else if (line.startsWith('ORDER')) order = words;
    else if (line.startsWith('EMPTY')) empty = words;
    else variants.set(name, { layers: value.split(':').filter(Boolean), line: index + 1 });
  });
  return { file, order, empty, variants, diagnostics: sink.finish() };
}

/** The flavours of a tree, from its priority files: `fedora`, `rhel`, ... */
export async function redhatFlavours(root: string, host: ReadHost): Promise<string[]> {
  return (await host.list(root)).filter((n) => n.startsWith('priority.')).map((n) => n.slice('priority.'.length)).sort();
}
