/**
 * Shell arithmetic (bash(1) ARITHMETIC EVALUATION) for `$((...))`, `((...))`, `let` and integer
 * variables: 64-bit signed integers, C operators and precedence, variables by name (an unset or empty
 * one is 0, a value is itself evaluated as an expression), assignments and `++`/`--`.
 */

export interface ArithmeticScope {
  /** The variable's text, `undefined` when unset, or an Unknown reason. */
  get(name: string): string | undefined | { readonly unknown: string };
  set(name: string, value: bigint): void;
}

export type ArithmeticResult = { readonly value: bigint } | { readonly unknown: string } | { readonly error: string };

type Token = { readonly kind: 'num'; readonly value: bigint } | { readonly kind: 'name'; readonly name: string } | { readonly kind: 'op'; readonly op: string };

const OPERATORS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '+', '-', '*', '/', '%', '<', '>', '&', '^', '|', '!', '~', '?', ':', '=', '(', ')', ','];
const BINARY: Readonly<Record<string, number>> = { ',': 1, '||': 4, '&&': 5, '|': 6, '^': 7, '&': 8, '==': 9, '!=': 9, '<': 10, '<=': 10, '>': 10, '>=': 10, '<<': 11, '>>': 11, '+': 12, '-': 12, '*': 13, '/': 13, '%': 13, '**': 14 };
const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);
/** Variables whose values are expressions referring to variables: bounded like bash's "expression recursion level". */
const MAX_DEPTH = 64;

/** Thrown inside the parser to end evaluation with a result that is not a value. */
interface Failure {
  readonly failure: ArithmeticResult;
}

function fail(result: ArithmeticResult): Failure {
  return { failure: result };
}

export function evaluateArithmetic(text: string, scope: ArithmeticScope, depth = 0): ArithmeticResult {
  try {
    const tokens = tokenize(text);
    if (tokens.length === 0) return { value: 0n };
    const parser = { tokens, at: 0, scope, depth };
    const value = expression(parser, 0);
    if (parser.at < tokens.length) throw fail({ error: `syntax error in expression (error token is "${describe(tokens[parser.at]!)}")` });
    return { value };
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'failure' in error) return (error as Failure).failure;
    throw error;
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < text.length; ) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    const number = /^(?:0[xX][0-9a-fA-F]+|[0-9]+#[0-9a-zA-Z@_]+|[0-9]+)/.exec(rest);
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (space) i += space[0].length;
    else if (number) {
      tokens.push({ kind: 'num', value: parseNumber(number[0]) });
      i += number[0].length;
    } else if (name) {
      tokens.push({ kind: 'name', name: name[0] });
      i += name[0].length;
    } else {
      const op = OPERATORS.find((o) => rest.startsWith(o));
      if (!op) throw fail({ error: `syntax error: operand expected (error token is "${rest}")` });
      tokens.push({ kind: 'op', op });
      i += op.length;
    }
  }
  return tokens;
}

function parseNumber(text: string): bigint {
  if (/^0[xX]/.test(text)) return BigInt(text);
  const based = /^([0-9]+)#(.+)$/.exec(text);
  if (based) {
    const base = Number(based[1]);
    let value = 0n;
    for (const ch of based[2]!) {
      const digit = parseInt(ch, 36);
      if (Number.isNaN(digit) || digit >= base) throw fail({ error: `value too great for base (error token is "${text}")` });
      value = value * BigInt(base) + BigInt(digit);
    }
    return value;
  }
  if (/^0[0-7]+$/.test(text)) return BigInt(`0o${text.slice(1)}`);
  if (/^0[0-9]+$/.test(text)) throw fail({ error: `value too great for base (error token is "${text}")` });
  return BigInt(text);
}

interface Parser {
  readonly tokens: readonly Token[];
  at: number;
  readonly scope: ArithmeticScope;
  readonly depth: number;
}

function expression(p: Parser, minPrecedence: number): bigint {
  let left = unary(p);
  for (;;) {
    const token = p.tokens[p.at];
    if (token?.kind !== 'op') return left;
    if (token.op === '?' && minPrecedence <= 3) {
      p.at++;
      const then = expression(p, 1);
      expectOp(p, ':');
      const otherwise = expression(p, 3);
      left = left !== 0n ? then : otherwise;
      continue;
    }
    const precedence = BINARY[token.op];
    if (precedence === undefined || precedence < minPrecedence) return left;
    p.at++;
    // ** is right-associative; the others are left-associative.
    const right = expression(p, token.op === '**' ? precedence : precedence + 1);
    left = binary(token.op, left, right);
  }
}

function unary(p: Parser): bigint {
  const token = p.tokens[p.at++];
  if (!token) throw fail({ error: 'syntax error: operand expected' });
  if (token.kind === 'num') return token.value;
  if (token.kind === 'name') return variable(p, token.name);
  switch (token.op) {
    case '(': {
      const value = expression(p, 1);
      expectOp(p, ')');
      return value;
    }
    case '-':
      return wrap(-unary(p));
    case '+':
      return unary(p);
    case '!':
      return unary(p) === 0n ? 1n : 0n;
    case '~':
      return wrap(~unary(p));
    case '++':
    case '--': {
      const name = p.tokens[p.at++];
      if (name?.kind !== 'name') throw fail({ error: `syntax error: ${token.op} needs a variable` });
      const value = wrap(read(p, name.name) + (token.op === '++' ? 1n : -1n));
      p.scope.set(name.name, value);
      return value;
    }
    default:
      throw fail({ error: `syntax error: operand expected (error token is "${token.op}")` });
  }
}

/** A name: an assignment, a post-increment, or its value. */
function variable(p: Parser, name: string): bigint {
  const next = p.tokens[p.at];
  if (next?.kind === 'op' && ASSIGN.has(next.op)) {
    p.at++;
    const right = expression(p, 2);
    const value = next.op === '=' ? right : binary(next.op.slice(0, -1), read(p, name), right);
    p.scope.set(name, value);
    return value;
  }
  if (next?.kind === 'op' && (next.op === '++' || next.op === '--')) {
    p.at++;
    const value = read(p, name);
    p.scope.set(name, wrap(value + (next.op === '++' ? 1n : -1n)));
    return value;
  }
  return read(p, name);
}

function read(p: Parser, name: string): bigint {
  const text = p.scope.get(name);
  if (text === undefined || text === '') return 0n;
  if (typeof text === 'object') throw fail({ unknown: text.unknown });
  if (p.depth >= MAX_DEPTH) throw fail({ error: 'expression recursion level exceeded' });
  const result = evaluateArithmetic(text, p.scope, p.depth + 1);
  if ('value' in result) return result.value;
  throw fail(result);
}

function binary(op: string, a: bigint, b: bigint): bigint {
  const bool = (x: boolean) => (x ? 1n : 0n);
  switch (op) {
    case '+': return wrap(a + b);
    case '-': return wrap(a - b);
    case '*': return wrap(a * b);
    case '/':
    case '%':
      if (b === 0n) throw fail({ error: 'division by 0' });
      return wrap(op === '/' ? a / b : a % b);
    case '**':
      if (b < 0n) throw fail({ error: 'exponent less than 0' });
      return b > 64n && a !== 0n && a !== 1n && a !== -1n ? 0n : wrap(a ** b);
    case '<<': return wrap(a << (b & 63n));
    case '>>': return a >> (b & 63n);
    case '<': return bool(a < b);
    case '<=': return bool(a <= b);
    case '>': return bool(a > b);
    case '>=': return bool(a >= b);
    case '==': return bool(a === b);
    case '!=': return bool(a !== b);
    case '&': return a & b;
    case '^': return a ^ b;
    case '|': return a | b;
    case '&&': return bool(a !== 0n && b !== 0n);
    case '||': return bool(a !== 0n || b !== 0n);
    case ',': return b;
    default: throw fail({ error: `unknown operator ${op}` });
  }
}

function expectOp(p: Parser, op: string): void {
  const token = p.tokens[p.at++];
  if (token?.kind !== 'op' || token.op !== op) throw fail({ error: `syntax error: expected ${op}` });
}

function wrap(value: bigint): bigint {
  return BigInt.asIntN(64, value);
}

function describe(token: Token): string {
  return token.kind === 'num' ? String(token.value) : token.kind === 'name' ? token.name : token.op;
}
