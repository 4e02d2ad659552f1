/**
 * Reads minikconf files through a host, following `source` and `include` the way QEMU's
 * scripts/minikconf.py does (`KconfigParser.do_include`): the path is the rest of the line, taken
 * relative to the including file's directory; a file already read is skipped; a file that includes
 * one of the files including it is a loop. Nothing outside `root` is read, and recipes' device
 * files can replace or extend a file of the tree (overlays), as a recipe's `cp` or `>>` would.
 */
import { dirname, isAbsolute, join, normalize, relative } from 'node:path';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Origin } from '../../model/origin.js';
import type { Clause, Declaration } from '../../eval/minikconf/kconfig-syntax.js';
import type { KconfigProgram } from '../../eval/minikconf/evaluate-minikconf.js';
import { parseMinikconf } from '../../eval/minikconf/parse-minikconf.js';
import type { ParsedKconfig } from '../../eval/minikconf/parse-minikconf.js';
import { DEFAULT_LIMITS, decodeInput } from '../decode-input.js';
import type { ReadHost } from '../host.js';
import { createDiagnosticSink, quoteLine } from '../diagnostic-sink.js';

/** A file of a recipe put in place of, or appended to, a file of the tree. */
export interface KconfigOverlay {
  readonly mode: 'replace' | 'append';
  /** The recipe's file, as named in origins. */
  readonly file: string;
  readonly text: string;
  /** Where each line of `text` is written, when the recipe writes the lines itself (a script's printf). */
  readonly origins?: readonly Origin[];
}

export interface MinikconfLoadOptions {
  /** Nothing outside this directory is read: an include that leaves it is reported (FD180) and skipped. */
  readonly root: string;
  /** Overlays keyed by the normalised path of the file they replace or extend. */
  readonly overlays?: ReadonlyMap<string, KconfigOverlay>;
}

export interface LoadedKconfig extends KconfigProgram {
  /** Every file read, in order, as named in origins. */
  readonly files: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  /** A file could not be read or parsed: QEMU's build would stop at it. */
  readonly failed: boolean;
}

/** Real trees nest three deep and read ~250 files (QEMU 10.0); hostile ones stop here. */
const MAX_DEPTH = 32;
const MAX_FILES = 5000;

export async function loadMinikconf(entries: readonly string[], host: ReadHost, options: MinikconfLoadOptions): Promise<LoadedKconfig> {
  const clauses: Clause[] = [];
  const declarations: Declaration[] = [];
  const references: Declaration[] = [];
  const files: string[] = [];
  const seen = new Set<string>();
  const sink = createDiagnosticSink(entries[0] ?? options.root);
  let failed = false;
  const fail = (code: 'FD177' | 'FD178' | 'FD179' | 'FD180', message: string, origin: Origin) => {
    failed = true;
    sink.add(code, message, origin);
  };

  const read = async (path: string, ancestors: readonly string[], from: Origin | undefined): Promise<void> => {
    if (files.length >= MAX_FILES) return fail('FD178', `more than ${MAX_FILES} files are included; the rest is not read`, from ?? { file: path, line: 0 });
    seen.add(path);
    const overlay = options.overlays?.get(path);
    const texts: Array<readonly [string, string, (readonly Origin[])?]> = [];
    if (overlay?.mode !== 'replace') {
      const text = await readText(path, host);
      if (text === undefined) return fail('FD178', `No such file or directory: ${path}; minikconf stops`, from ?? { file: path, line: 0 });
      texts.push([path, text]);
    }
    if (overlay) texts.push([overlay.file, overlay.text, overlay.origins]);
    for (const [name, text, origins] of texts) {
      files.push(name);
      const parsed = relocate(parseMinikconf(text, name), origins);
      // Loops rather than push(...list): a spread of 200,000 arguments overflows the stack.
      for (const d of parsed.declarations) declarations.push(d);
      for (const r of parsed.references) references.push(r);
      for (const item of parsed.items) {
        if (item.kind !== 'source') {
          clauses.push(item);
          continue;
        }
        // Python's os.path.join: an absolute path replaces the directory.
        const target = normalize(isAbsolute(item.path) ? item.path : join(dirname(path), item.path));
        if (isOutside(options.root, target)) {
          fail('FD180', `${quoteLine(item.path)} is outside ${options.root}; it is not read`, item.origin);
        } else if (ancestors.includes(target)) {
          fail('FD179', `Inclusion loop for ${item.path}; minikconf stops`, item.origin);
        } else if (ancestors.length >= MAX_DEPTH) {
          fail('FD179', `includes nest more than ${MAX_DEPTH} deep; ${quoteLine(item.path)} is not read`, item.origin);
        } else if (!seen.has(target)) {
          await read(target, [...ancestors, path], item.origin);
        }
      }
      if (parsed.error) {
        fail('FD177', `${parsed.error.message}; minikconf stops${hintFor(parsed.error.message, text)}`, parsed.error.origin);
        return;
      }
    }
  };

  for (const entry of entries) {
    const path = normalize(entry);
    if (!seen.has(path)) await read(path, [], undefined);
  }
  return { clauses, declarations, references, files, diagnostics: sink.finish(), failed };
}

/** A parse of lines a recipe writes itself, each clause at the place that writes its line. */
function relocate(parsed: ParsedKconfig, origins: readonly Origin[] | undefined): ParsedKconfig {
  if (!origins) return parsed;
  const at = <T extends { readonly origin: Origin }>(item: T): T => ({ ...item, origin: origins[item.origin.line - 1] ?? item.origin });
  return {
    ...parsed,
    items: parsed.items.map(at),
    declarations: parsed.declarations.map(at),
    references: parsed.references.map(at),
    ...(parsed.error ? { error: at(parsed.error) } : {}),
  };
}

async function readText(path: string, host: ReadHost): Promise<string | undefined> {
  if ((await host.kind(path)) !== 'file') return undefined;
  return decodeInput(await host.readFile(path, DEFAULT_LIMITS.maxBytes), path);
}

function isOutside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '..' || rel.startsWith('../') || rel.startsWith('/');
}

/** What the common causes of a parse error in a device file look like. */
function hintFor(message: string, text: string): string {
  if (message.startsWith('invalid input before "$"')) return ' (a make-style $(...) value of QEMU before 4.0: minikconf takes y or n only)';
  if (text.includes('\r')) return ' (the file has CRLF line ends)';
  return '';
}
