/**
 * Flags files → a `Build`. Three shapes are read:
 * - what Kata's `configure-hypervisor.sh -d` prints: `tags<TAB><TAB>option` per line, after a
 *   `#` header naming the tags (the tags say why Kata passes the option);
 * - a plain flags file: the options on one line, or one per line, possibly continued with `\`,
 *   split the way `xargs ./configure` splits them (quotes removed);
 * - a meson `-D` list (`-Dvhost_user=enabled ...`), in either layout.
 * Lines starting with `#` are comments in all three.
 */
import type { Argument, Build } from '../../model/build.js';
import { InputError, diagnostic } from '../../model/diagnostic.js';
import { splitWords } from './split-words.js';

export interface FlagsOptions {
  /** Build id, default `flags`. */
  readonly id?: string;
  readonly arch?: string;
}

const DUMP_LINE = /^([a-z]+(?:,[a-z]+)*)\t+(.*)$/;

export function readFlags(text: string, file: string, options: FlagsOptions = {}): Build {
  const lines = text.split('\n');
  const dump = lines.some((line) => DUMP_LINE.test(line));
  const argv: Argument[] = [];
  if (dump) {
    lines.forEach((line, index) => {
      const m = DUMP_LINE.exec(line);
      if (!m) return;
      const tags = m[1]!.split(',');
      for (const word of splitWords(m[2]!, index + 1)) argv.push({ text: word.text, origin: { file, line: index + 1 }, tags });
    });
  } else {
    // Comment lines are blanked rather than removed so that line numbers stay those of the file.
    const body = lines.map((line) => (line.trimStart().startsWith('#') ? '' : line)).join('\n');
    for (const word of splitWords(body)) {
      argv.push({
        text: word.text,
        origin: { file, line: word.line },
        ...(word.unterminated ? { unknown: 'a quote is left open; xargs would stop with "unmatched quote"' } : {}),
      });
    }
  }
  if (argv.length === 0) throw new InputError(diagnostic('FD176', 'holds no option', { file, line: 0 }));
  const meson = !dump && argv.every((a) => a.text.startsWith('-D'));
  return {
    id: options.id ?? 'flags',
    ...(options.arch ? { arch: options.arch } : {}),
    tool: meson ? 'meson' : 'configure',
    argv,
    origin: { file, line: argv[0]!.origin.line },
  };
}
