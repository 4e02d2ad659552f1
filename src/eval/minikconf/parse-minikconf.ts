/**
 * Parses one file in the language of QEMU's scripts/minikconf.py: Kconfig files (`config X`,
 * `bool`, `default y|n [if E]`, `depends on E`, `select X [if E]`, `imply X [if E]`, `source F`)
 * and device `.mak` files (`CONFIG_X=y|n`, `include F`), which minikconf reads with the same
 * parser. The scanner and the grammar follow minikconf.py (QEMU 7.2 and 10.0, identical there):
 * `#` starts a comment, keywords need a non-identifier character after them, `source` and
 * `include` take the rest of the line verbatim, and `||` binds tighter than `&&`. Like minikconf,
 * the first error ends the file (QEMU's build stops there).
 */
import type { Origin } from '../../model/origin.js';
import type { Declaration, KconfigExpr, KconfigItem } from './kconfig-syntax.js';

export interface ParsedKconfig {
  readonly file: string;
  /** Clauses and `source` lines, in file order. */
  readonly items: readonly KconfigItem[];
  /** `config X` declarations. */
  readonly declarations: readonly Declaration[];
  /** Every symbol named, with its first place, for the "undefined symbol" check. */
  readonly references: readonly Declaration[];
  /** The error that ended the file, as minikconf words it, if any. */
  readonly error?: { readonly message: string; readonly origin: Origin };
}

type Tok = 'lparen' | 'rparen' | 'equal' | 'and' | 'or' | 'not' | 'depends' | 'on' | 'select' | 'imply' | 'config' | 'default' | 'y' | 'n' | 'source' | 'bool' | 'if' | 'id' | 'eof';

const KEYWORDS: ReadonlyArray<readonly [string, Tok]> = [
  ['depends', 'depends'], ['on', 'on'], ['select', 'select'], ['imply', 'imply'], ['config', 'config'],
  ['default', 'default'], ['bool', 'bool'], ['if', 'if'], ['y', 'y'], ['n', 'n'], ['source', 'source'], ['include', 'source'],
];
const NAMES: Readonly<Record<Tok, string>> = {
  lparen: '"("', rparen: '")"', equal: '"="', and: '"&&"', or: '"||"', not: '"!"', depends: '"depends"', on: '"on"',
  select: '"select"', imply: '"imply"', config: '"config"', default: '"default"', y: '"y"', n: '"n"', source: '"source"',
  bool: '"bool"', if: '"if"', id: 'identifier', eof: 'end of file',
};
const KEYWORD_START = new Set(KEYWORDS.map(([word]) => word[0]!));
const ALNUM = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
/** Deeper nesting than any real file; hostile input stops here instead of exhausting the stack. */
const MAX_DEPTH = 100;
/** Operands in one expression: its tree is as deep, and minikconf.py itself recurses that deep. */
const MAX_TERMS = 500;

class ParseError extends Error {}

export function parseMinikconf(source: string, file: string): ParsedKconfig {
  const src = source === '' || !source.endsWith('\n') ? `${source}\n` : source;
  const items: KconfigItem[] = [];
  const declarations: Declaration[] = [];
  const references: Declaration[] = [];
  const named = new Set<string>();
  let cursor = 0;
  let line = 1;
  let tok: Tok = 'eof';
  let val = '';
  let raw = '';
  let tokLine = 1;
  let terms = 0;

  const at = (): Origin => ({ file, line: tokLine });
  const fail = (message: string, before: string | undefined = NAMES[tok]): never => {
    throw new ParseError(before ? `${message} before ${before}` : message);
  };
  // A function rather than `tok ===`: TypeScript would keep a narrowing of `tok` across next().
  const is = (...kinds: Tok[]) => kinds.includes(tok);
  // ASCII first: Kconfig files are ASCII, and a regular expression per character costs a third of the parse.
  const isAlnum = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c > '\x7f' && ALNUM.test(c));
  const isIdChar = (c: string | undefined) => c !== undefined && (c === '_' || isAlnum(c));

  // minikconf get_token/scan_token: skip blanks and comments, count lines, recognise one token.
  const next = (): void => {
    for (;;) {
      const c = src[cursor]!;
      const start = cursor++;
      tokLine = line;
      raw = c;
      if (c === '#') {
        cursor = src.indexOf('\n', cursor);
        continue;
      }
      const single = c === '=' ? 'equal' : c === '(' ? 'lparen' : c === ')' ? 'rparen' : c === '!' ? 'not' : undefined;
      if (single) return void (tok = single);
      if ((c === '&' || c === '|') && src[cursor] === c) {
        cursor++;
        return void (tok = c === '&' ? 'and' : 'or');
      }
      const keyword = KEYWORD_START.has(c) ? KEYWORDS.find(([word]) => src.startsWith(word, start) && !isIdChar(src[start + word.length])) : undefined;
      if (keyword) {
        cursor = start + keyword[0].length;
        tok = keyword[1];
        if (tok === 'source') {
          while (SPACE.test(src[cursor]!)) cursor++;
          const end = src.indexOf('\n', cursor);
          val = src.slice(cursor, end);
          cursor = end;
        }
        return;
      }
      if (isAlnum(c)) {
        while (isIdChar(src[cursor])) cursor++;
        val = src.slice(start, cursor);
        return void (tok = 'id');
      }
      if (c === '\n') {
        if (cursor === src.length) return void (tok = 'eof');
        line++;
      } else if (!SPACE.test(c)) {
        fail('invalid input', JSON.stringify(raw));
      }
    }
  };

  const reference = (name: string) => {
    if (named.has(name)) return;
    named.add(name);
    references.push({ name, origin: at() });
  };
  const parseVar = (): string => {
    if (!is('id')) fail('Expected identifier');
    const name = val;
    reference(name);
    next();
    return name;
  };
  const parseYesNo = (): boolean => {
    if (!is('y', 'n')) fail('Expected "y" or "n"');
    const value = is('y');
    next();
    return value;
  };
  // primary: "!" primary | "(" expr ")" | var;  disj: primary ("||" primary)*;  expr: disj ("&&" disj)*
  const parsePrimary = (depth: number): KconfigExpr => {
    if (depth > MAX_DEPTH) fail(`expression nested more than ${MAX_DEPTH} deep`, undefined);
    if (++terms > MAX_TERMS) fail(`expression of more than ${MAX_TERMS} operands`, undefined);
    if (is('not')) {
      next();
      return { kind: 'not', operand: parsePrimary(depth + 1) };
    }
    if (is('lparen')) {
      next();
      const inner = parseExpr(depth + 1);
      if (!is('rparen')) fail('Expected ")"');
      next();
      return inner;
    }
    if (is('id')) return { kind: 'symbol', name: parseVar() };
    return fail('Expected "!" or "(" or identifier');
  };
  const parseDisj = (depth: number): KconfigExpr => {
    let left = parsePrimary(depth);
    while (is('or')) {
      next();
      left = { kind: 'or', left, right: parsePrimary(depth) };
    }
    return left;
  };
  const parseExpr = (depth: number): KconfigExpr => {
    let left = parseDisj(depth);
    while (is('and')) {
      next();
      left = { kind: 'and', left, right: parseDisj(depth) };
    }
    return left;
  };
  const parseTop = (): KconfigExpr => {
    terms = 0;
    return parseExpr(0);
  };
  const parseCondition = (): KconfigExpr | undefined => {
    if (!is('if')) return undefined;
    next();
    return parseTop();
  };

  const parseProperty = (symbol: string): void => {
    const origin = at();
    if (is('default')) {
      next();
      const value = parseYesNo();
      const cond = parseCondition();
      items.push({ kind: 'default', symbol, value, origin, ...(cond ? { cond } : {}) });
    } else if (is('depends')) {
      next();
      if (!is('on')) fail('Expected "on"');
      next();
      items.push({ kind: 'depends', symbol, expr: parseTop(), origin });
    } else if (is('select', 'imply')) {
      const kind = tok as 'select' | 'imply';
      next();
      const target = parseVar();
      const cond = parseCondition();
      items.push({ kind, symbol: target, by: symbol, origin, ...(cond ? { cond } : {}) });
    } else {
      next(); // bool
    }
  };

  const parseClause = (): void => {
    if (is('source')) {
      items.push({ kind: 'source', path: val, origin: at() });
      next();
    } else if (is('config')) {
      next();
      const origin = at();
      const name = parseVar();
      declarations.push({ name, origin });
      while (is('default', 'depends', 'select', 'bool', 'imply')) parseProperty(name);
      if (!is('source', 'config', 'id', 'eof')) {
        fail('expected "source", "config", identifier, "default", "depends on", "imply" or "select"');
      }
    } else if (is('id')) {
      if (!val.startsWith('CONFIG_')) fail('Expected identifier starting with "CONFIG_"', undefined);
      const origin = at();
      const name = val.slice(7);
      reference(name);
      next();
      if (!is('equal')) fail('Expected "="');
      next();
      items.push({ kind: 'assign', symbol: name, value: parseYesNo(), origin });
    } else {
      fail('expected "source", "config" or identifier');
    }
  };

  try {
    next();
    while (!is('eof')) parseClause();
    return { file, items, declarations, references };
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    return { file, items, declarations, references, error: { message: error.message, origin: at() } };
  }
}
