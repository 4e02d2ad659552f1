/**
 * Splits text into words the way `xargs` does before it runs `./configure` (Kata's build-qemu.sh
 * pipes configure-hypervisor.sh into `xargs ./configure`): blanks separate words, single and double
 * quotes group and are removed, a backslash outside quotes escapes the next character. Flags files
 * written by hand also continue lines with a trailing backslash, as in a shell script.
 */

export interface Word {
  readonly text: string;
  /** 1-based line the word starts on. */
  readonly line: number;
  /** Set when a quote is left open; xargs stops with "unmatched quote" there. */
  readonly unterminated?: boolean;
}

export function splitWords(text: string, firstLine = 1): Word[] {
  const words: Word[] = [];
  let line = firstLine;
  let current: string | undefined;
  let start = line;
  let quote: '"' | "'" | undefined;
  const end = () => {
    if (current !== undefined) words.push({ text: current, line: start });
    current = undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (quote) {
      if (c === quote) quote = undefined;
      else current += c;
      continue;
    }
    if (c === '\\' && i + 1 < text.length) {
      const next = text[++i]!;
      if (next === '\n') {
        line++;
        end();
        continue;
      }
      if (current === undefined) [current, start] = ['', line];
      current += next;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      end();
    } else {
      if (current === undefined) [current, start] = ['', line];
      if (c === '"' || c === "'") quote = c;
      else current += c;
    }
  }
  if (quote && current !== undefined) {
    words.push({ text: current, line: start, unterminated: true });
    return words;
  }
  end();
  return words;
}
