/**
 * Shell patterns (bash(1) Pattern Matching) for `case`, `[[ == ]]` and `${x#pattern}`: `*`, `?`,
 * bracket expressions with ranges, negation and POSIX classes; quoted characters match themselves.
 * Matching simulates the pattern as an automaton (linear in the text for each pattern position), so a
 * hostile pattern cannot make it backtrack exponentially as a regular expression could.
 */

type BracketItem = { readonly from: string; readonly to: string } | { readonly named: string };

export type PatternToken =
  | { readonly kind: 'char'; readonly ch: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'star' }
  | { readonly kind: 'bracket'; readonly negated: boolean; readonly items: readonly BracketItem[] };

/** A pattern source: text, and whether it was quoted (quoted text matches literally). */
export interface PatternChunk {
  readonly text: string;
  readonly quoted: boolean;
}

const NAMED: Readonly<Record<string, RegExp>> = {
  alpha: /[A-Za-z]/,
  digit: /[0-9]/,
  alnum: /[A-Za-z0-9]/,
  upper: /[A-Z]/,
  lower: /[a-z]/,
  space: /[ \t\n\r\f\v]/,
  blank: /[ \t]/,
  punct: /[!-/:-@[-`{-~]/,
  xdigit: /[0-9A-Fa-f]/,
  word: /[A-Za-z0-9_]/,
  cntrl: /[\x00-\x1f\x7f]/,
  print: /[ -~]/,
  graph: /[!-~]/,
};

export function compilePattern(chunks: readonly PatternChunk[]): PatternToken[] {
  const tokens: PatternToken[] = [];
  for (const { text, quoted } of chunks) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charAt(i);
      if (quoted) tokens.push({ kind: 'char', ch });
      else if (ch === '*') {
        if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
      } else if (ch === '?') tokens.push({ kind: 'any' });
      else if (ch === '\\' && i + 1 < text.length) tokens.push({ kind: 'char', ch: text.charAt(++i) });
      else if (ch === '[') {
        const bracket = readBracket(text, i);
        if (bracket) {
          tokens.push(bracket.token);
          i = bracket.end;
        } else tokens.push({ kind: 'char', ch });
      } else tokens.push({ kind: 'char', ch });
    }
  }
  return tokens;
}

/** `[...]` starting at `start`; `undefined` when it is not closed (then `[` is an ordinary character). */
function readBracket(text: string, start: number): { token: PatternToken; end: number } | undefined {
  let i = start + 1;
  const negated = text.charAt(i) === '!' || text.charAt(i) === '^';
  if (negated) i++;
  const items: BracketItem[] = [];
  for (let first = true; i < text.length; first = false) {
    const ch = text.charAt(i);
    if (ch === ']' && !first) return { token: { kind: 'bracket', negated, items }, end: i };
    const named = /^\[:([a-z]+):\]/.exec(text.slice(i, i + 12));
    if (named && named[1]! in NAMED) {
      items.push({ named: named[1]! });
      i += named[0].length;
      continue;
    }
    const from = ch === '\\' && i + 1 < text.length ? text.charAt(++i) : ch;
    if (text.charAt(i + 1) === '-' && text.charAt(i + 2) !== ']' && i + 2 < text.length) {
      items.push({ from, to: text.charAt(i + 2) });
      i += 3;
    } else {
      items.push({ from, to: from });
      i++;
    }
  }
  return undefined;
}

function matchesToken(token: PatternToken, ch: string): boolean {
  switch (token.kind) {
    case 'char':
      return token.ch === ch;
    case 'any':
      return true;
    case 'star':
      return true;
    case 'bracket': {
      const hit = token.items.some((item) => ('named' in item ? NAMED[item.named]!.test(ch) : item.from <= ch && ch <= item.to));
      return hit !== token.negated;
    }
  }
}

/**
 * For every prefix length of `text`, whether the whole pattern matches that prefix. One pass over the
 * text with the set of pattern positions reached: O(text × pattern).
 */
export function matchingPrefixes(tokens: readonly PatternToken[], text: string): boolean[] {
  const n = tokens.length;
  const ok: boolean[] = new Array(text.length + 1).fill(false);
  let current = closure(tokens, new Set([0]));
  for (let i = 0; ; i++) {
    ok[i] = current.has(n);
    if (i === text.length || current.size === 0) break;
    const next = new Set<number>();
    for (const k of current) {
      if (k === n) continue;
      const token = tokens[k]!;
      if (!matchesToken(token, text.charAt(i))) continue;
      next.add(token.kind === 'star' ? k : k + 1);
    }
    current = closure(tokens, next);
  }
  return ok;
}

/** A star may match nothing: reaching it also reaches what follows it. */
function closure(tokens: readonly PatternToken[], states: Set<number>): Set<number> {
  for (const k of states) if (tokens[k]?.kind === 'star') states.add(k + 1);
  return states;
}

export function matchPattern(tokens: readonly PatternToken[], text: string): boolean {
  return matchingPrefixes(tokens, text)[text.length] === true;
}

/** Length of the shortest or longest prefix the pattern matches, or -1. */
export function matchPrefix(tokens: readonly PatternToken[], text: string, longest: boolean): number {
  const ok = matchingPrefixes(tokens, text);
  return longest ? ok.lastIndexOf(true) : ok.indexOf(true);
}

/** Length of the shortest or longest suffix the pattern matches, or -1: the reversed pattern on the reversed text. */
export function matchSuffix(tokens: readonly PatternToken[], text: string, longest: boolean): number {
  return matchPrefix([...tokens].reverse(), [...text].reverse().join(''), longest);
}

/** True when the text holds characters that would make an unquoted word a pathname pattern. */
export function hasGlobCharacters(text: string): boolean {
  return /[*?]/.test(text) || /\[[^\]]*\]/.test(text.replace(/\[\]/g, ''));
}
