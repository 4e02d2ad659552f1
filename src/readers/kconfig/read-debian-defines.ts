/**
 * Debian's `debian/config/**\/defines`, read as the packaging reads them with Python's
 * RawConfigParser: `[section]`, `key: value` or `key = value` (keys lower-cased), indented
 * continuation lines joined with newlines, whole-line `#` and `;` comments.
 */
import { createDiagnosticSink, quoteLine } from '../diagnostic-sink.js';

export interface DefinesValue {
  readonly value: string;
  readonly line: number;
}

export interface Defines {
  readonly file: string;
  /** Section name → key → value; a repeated section adds to the first, as RawConfigParser.read does. */
  readonly sections: ReadonlyMap<string, ReadonlyMap<string, DefinesValue>>;
  readonly diagnostics: ReturnType<ReturnType<typeof createDiagnosticSink>['finish']>;
}

export function readDebianDefines(text: string, file: string): Defines {
  const sink = createDiagnosticSink(file);
  const sections = new Map<string, Map<string, { value: string; line: number }>>();
  let section: Map<string, { value: string; line: number }> | undefined;
  let last: { value: string; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed.startsWith('#') || trimmed.startsWith(';')) return;
    if (trimmed === '') {
      last = undefined;
      return;
    }
    if (/^\s/.test(line) && last) {
      last.value = last.value ? `${last.value}\n${trimmed}` : trimmed;
      return;
    }
    const header = /^\[([^\]]+)\]/.exec(trimmed);
    if (header) {
      section = sections.get(header[1]!) ?? new Map();
      sections.set(header[1]!, section);
      last = undefined;
      return;
    }
    const [, key, value] = /^([^:=]+?)\s*[:=]\s*(.*)$/.exec(trimmed) ?? [];
    if (!section || key === undefined) {
      sink.add('FD155', `${quoteLine(trimmed)} is ${section ? 'not "key: value"' : 'outside any [section]'}`, { file, line: index + 1 });
      last = undefined;
      return;
    }
    last = { value: value!, line: index + 1 };
    section.set(key.toLowerCase(), last);
  });
  return { file, sections, diagnostics: sink.finish() };
}

/** A value as a whitespace-separated list (debian_linux SchemaItemList), e.g. `configs:` and `flavours:`. */
export function definesList(value: DefinesValue | undefined): string[] | undefined {
  return value?.value.split(/\s+/).filter(Boolean);
}
