/**
 * POSIX regular expressions (regex(7)): extended (`[[ =~ ]]`, `grep -E`) and basic (`grep`, `grep -f`
 * pattern files). Compiled to an automaton and run by simulating every state at once (Thompson's
 * construction), so matching is linear in the text whatever the pattern: hostile input cannot make it
 * backtrack exponentially. Back-references are not supported (the pattern is refused).
 */

export type Regex = { readonly nodes: readonly RegexNode[]; readonly start: number };
export type RegexResult = { readonly regex: Regex } | { readonly refused: string };

type Matcher = (ch: string) => boolean;
/** An automaton state: consumes a character, or jumps (epsilon) to others, or asserts a position. */
type RegexNode =
  | { readonly kind: 'char'; readonly test: Matcher; next: number }
  | { readonly kind: 'split'; next: number[] }
  | { readonly kind: 'bol' | 'eol'; next: number }
  | { readonly kind: 'match' };

type Ast =
  | { readonly kind: 'atom'; readonly test: Matcher }
  | { readonly kind: 'bol' | 'eol' }
  | { readonly kind: 'concat' | 'alt'; readonly items: readonly Ast[] }
  | { readonly kind: 'repeat'; readonly item: Ast; readonly min: number; readonly max: number };

const CLASSES: Readonly<Record<string, RegExp>> = {
  alpha: /[A-Za-z]/,
  digit: /[0-9]/,
  alnum: /[0-9A-Za-z]/,
  upper: /[A-Z]/,
  lower: /[a-z]/,
  space: /\s/,
  blank: /[ \t]/,
  punct: /[!-/:-@[-`{-~]/,
  xdigit: /[0-9A-Fa-f]/,
  cntrl: /[\x00-\x1f\x7f]/,
  print: /[ -~]/,
  graph: /[!-~]/,
};
const MAX_PATTERN = 1000;
const MAX_STATES = 5_000;

/** Escapes text so that it matches itself in an extended regular expression. */
export function escapeExtended(text: string): string {
  return text.replace(/[\\^$.[\]()|*+?{}]/g, '\\$&');
}

export function compilePosixRegex(pattern: string, flavor: 'extended' | 'basic'): RegexResult {
  if (pattern.length > MAX_PATTERN) return { refused: `a regular expression longer than ${MAX_PATTERN} characters` };
  try {
    const parser = { pattern, at: 0, basic: flavor === 'basic' };
    const ast = parseAlternation(parser, 0);
    if (parser.at < pattern.length) return { refused: `unmatched ) in ${JSON.stringify(pattern)}` };
    const nodes: RegexNode[] = [];
    const start = build(ast, nodes, push(nodes, { kind: 'match' }));
    return { regex: { nodes, start } };
  } catch (error) {
    if (typeof error === 'string') return { refused: error };
    throw error;
  }
}

/** Whether the expression matches anywhere in the text (as `grep` and `=~` test). */
export function regexTest(regex: Regex, text: string): boolean {
  let current = new Set<number>();
  for (let i = 0; i <= text.length; i++) {
    add(regex, current, regex.start, text, i);
    if ([...current].some((s) => regex.nodes[s]!.kind === 'match')) return true;
    if (i === text.length) break;
    const next = new Set<number>();
    for (const s of current) {
      const node = regex.nodes[s]!;
      if (node.kind === 'char' && node.test(text.charAt(i))) add(regex, next, node.next, text, i + 1);
    }
    current = next;
  }
  return false;
}

/** Adds a state and everything reachable from it without consuming a character. */
function add(regex: Regex, set: Set<number>, state: number, text: string, at: number): void {
  if (set.has(state)) return;
  const node = regex.nodes[state]!;
  if (node.kind === 'split') {
    set.add(state);
    for (const next of node.next) add(regex, set, next, text, at);
  } else if (node.kind === 'bol') {
    if (at === 0) add(regex, set, node.next, text, at);
  } else if (node.kind === 'eol') {
    if (at === text.length) add(regex, set, node.next, text, at);
  } else set.add(state);
}

interface Parser {
  readonly pattern: string;
  at: number;
  readonly basic: boolean;
}

function parseAlternation(p: Parser, depth: number): Ast {
  if (depth > 100) throw 'groups nested too deep';
  const items = [parseConcat(p, depth)];
  while (isAlternation(p)) {
    p.at += p.basic ? 2 : 1;
    items.push(parseConcat(p, depth));
  }
  return items.length === 1 ? items[0]! : { kind: 'alt', items };
}

function isAlternation(p: Parser): boolean {
  return p.basic ? p.pattern.startsWith('\\|', p.at) : p.pattern.charAt(p.at) === '|';
}

function isClose(p: Parser): boolean {
  return p.basic ? p.pattern.startsWith('\\)', p.at) : p.pattern.charAt(p.at) === ')';
}

function parseConcat(p: Parser, depth: number): Ast {
  const items: Ast[] = [];
  while (p.at < p.pattern.length && !isAlternation(p) && !isClose(p)) {
    let atom = parseAtom(p, depth, items.length === 0);
    for (let repeat = readRepeat(p, items.length === 0 && atom.kind === 'bol'); repeat; repeat = readRepeat(p, false)) {
      atom = { kind: 'repeat', item: atom, ...repeat };
    }
    items.push(atom);
  }
  return items.length === 1 ? items[0]! : { kind: 'concat', items };
}

function parseAtom(p: Parser, depth: number, first: boolean): Ast {
  const { pattern } = p;
  const ch = pattern.charAt(p.at);
  const next = pattern.charAt(p.at + 1);
  if (p.basic ? ch === '\\' && next === '(' : ch === '(') {
    p.at += p.basic ? 2 : 1;
    const inner = parseAlternation(p, depth + 1);
    if (!isClose(p)) throw `unmatched ( in ${JSON.stringify(pattern)}`;
    p.at += p.basic ? 2 : 1;
    return inner;
  }
  p.at++;
  if (ch === '^' && (!p.basic || first)) return { kind: 'bol' };
  if (ch === '$' && (!p.basic || p.at === pattern.length || pattern.startsWith('\\)', p.at) || pattern.startsWith('\\|', p.at))) return { kind: 'eol' };
  if (ch === '.') return { kind: 'atom', test: (c) => c !== '\n' };
  if (ch === '[') return { kind: 'atom', test: parseBracket(p) };
  if (ch === '\\') {
    p.at++;
    if (/[1-9]/.test(next)) throw 'back-references are not supported';
    return literal(next);
  }
  // Anything else, including a repetition character with nothing before it, matches itself.
  return literal(ch);
}

function literal(ch: string): Ast {
  return { kind: 'atom', test: (c) => c === ch };
}

/** `*`, and `+ ? {m,n}` (ERE) or `\+ \? \{m,n\}` (BRE, GNU); a BRE `*` right after `^` is literal. */
function readRepeat(p: Parser, afterAnchor: boolean): { min: number; max: number } | undefined {
  const { pattern } = p;
  const ch = pattern.charAt(p.at);
  const next = pattern.charAt(p.at + 1);
  if (ch === '*' && !(p.basic && afterAnchor)) {
    p.at++;
    return { min: 0, max: Infinity };
  }
  const plus = p.basic ? ch === '\\' && next === '+' : ch === '+';
  const question = p.basic ? ch === '\\' && next === '?' : ch === '?';
  if (plus || question) {
    p.at += p.basic ? 2 : 1;
    return plus ? { min: 1, max: Infinity } : { min: 0, max: 1 };
  }
  const open = p.basic ? '\\{' : '{';
  const close = p.basic ? '\\}' : '}';
  if (!pattern.startsWith(open, p.at)) return undefined;
  const end = pattern.indexOf(close, p.at);
  const body = end === -1 ? undefined : /^([0-9]+)(,([0-9]*))?$/.exec(pattern.slice(p.at + open.length, end));
  if (!body) {
    if (p.basic) throw `bad interval in ${JSON.stringify(pattern)}`;
    return undefined;
  }
  p.at = end + close.length;
  const min = Number(body[1]);
  const max = body[2] === undefined ? min : body[3] ? Number(body[3]) : Infinity;
  if (max < min || min > 255 || (max !== Infinity && max > 255)) throw `bad interval in ${JSON.stringify(pattern)}`;
  return { min, max };
}

/** `[...]` after the `[`: `]` first is literal, backslash is literal, `[:class:]` names a class. */
function parseBracket(p: Parser): Matcher {
  const { pattern } = p;
  const negated = pattern.charAt(p.at) === '^';
  if (negated) p.at++;
  const tests: Matcher[] = [];
  for (let first = true; ; first = false) {
    if (p.at >= pattern.length) throw `unterminated [ in ${JSON.stringify(pattern)}`;
    const ch = pattern.charAt(p.at);
    if (ch === ']' && !first) break;
    const named = /^\[:([a-z]+):\]/.exec(pattern.slice(p.at, p.at + 12));
    if (named && CLASSES[named[1]!]) {
      const re = CLASSES[named[1]!]!;
      tests.push((c) => re.test(c));
      p.at += named[0].length;
    } else if (pattern.charAt(p.at + 1) === '-' && pattern.charAt(p.at + 2) !== ']' && p.at + 2 < pattern.length) {
      const to = pattern.charAt(p.at + 2);
      tests.push((c) => ch <= c && c <= to);
      p.at += 3;
    } else {
      tests.push((c) => c === ch);
      p.at++;
    }
  }
  p.at++;
  return (c) => tests.some((t) => t(c)) !== negated;
}

function push(nodes: RegexNode[], node: RegexNode): number {
  if (nodes.length >= MAX_STATES) throw `a regular expression of more than ${MAX_STATES} states`;
  nodes.push(node);
  return nodes.length - 1;
}

/** Builds the states for `ast` that continue to `next`; returns the entry state. */
function build(ast: Ast, nodes: RegexNode[], next: number): number {
  switch (ast.kind) {
    case 'atom':
      return push(nodes, { kind: 'char', test: ast.test, next });
    case 'bol':
    case 'eol':
      return push(nodes, { kind: ast.kind, next });
    case 'concat':
      return ast.items.reduceRight((to, item) => build(item, nodes, to), next);
    case 'alt':
      return push(nodes, { kind: 'split', next: ast.items.map((item) => build(item, nodes, next)) });
    case 'repeat': {
      let entry = next;
      if (ast.max === Infinity) {
        const loop = push(nodes, { kind: 'split', next: [] }) as number;
        (nodes[loop] as { next: number[] }).next = [build(ast.item, nodes, loop), next];
        entry = loop;
      } else {
        for (let i = ast.min; i < ast.max; i++) entry = push(nodes, { kind: 'split', next: [build(ast.item, nodes, entry), next] });
      }
      for (let i = 0; i < ast.min; i++) entry = build(ast.item, nodes, entry);
      return entry;
    }
  }
}
