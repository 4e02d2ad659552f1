/** The language of QEMU's scripts/minikconf.py, as data: expressions, clauses and the items of a file. */
import type { Origin } from '../../model/origin.js';

/** A condition over bool symbols (minikconf has no tristate, no `=` comparison and no `m`). */
export type KconfigExpr =
  | { readonly kind: 'symbol'; readonly name: string }
  | { readonly kind: 'not'; readonly operand: KconfigExpr }
  | { readonly kind: 'and'; readonly left: KconfigExpr; readonly right: KconfigExpr }
  | { readonly kind: 'or'; readonly left: KconfigExpr; readonly right: KconfigExpr };

/**
 * One clause about a symbol (minikconf.py `KconfigData.*Clause`). `symbol` is the clause's
 * destination: for `select` and `imply` the symbol selected or implied, `by` the one that does it.
 * - `assign`: `CONFIG_X=y|n` in a `.mak` file, or given by the build (host and accelerator symbols,
 *   with `external` saying why). `maybe` marks an external value the build machine decides.
 * - `default`: `default y|n [if COND]`; `imply` is `default y if BY [&& COND]` (minikconf `do_imply`).
 * - `depends`: `depends on EXPR`, which forces the symbol off when EXPR is false.
 * - `select`: `select X [if COND]` in `config BY`, which forces X on when BY [&& COND] is true.
 */
export type Clause =
  | { readonly kind: 'assign'; readonly symbol: string; readonly value: boolean; readonly origin: Origin; readonly external?: string; readonly maybe?: boolean }
  | { readonly kind: 'default'; readonly symbol: string; readonly value: boolean; readonly cond?: KconfigExpr; readonly origin: Origin }
  | { readonly kind: 'imply'; readonly symbol: string; readonly by: string; readonly cond?: KconfigExpr; readonly origin: Origin }
  | { readonly kind: 'depends'; readonly symbol: string; readonly expr: KconfigExpr; readonly origin: Origin }
  | { readonly kind: 'select'; readonly symbol: string; readonly by: string; readonly cond?: KconfigExpr; readonly origin: Origin };

/** `source FILE` or `include FILE` (synonyms in minikconf), resolved against the including file's directory. */
export interface SourceItem {
  readonly kind: 'source';
  /** The rest of the line after the keyword, verbatim, as minikconf takes it. */
  readonly path: string;
  readonly origin: Origin;
}

export type KconfigItem = Clause | SourceItem;

/** `config X` declarations and every symbol a file names, for minikconf's "undefined symbol" check. */
export interface Declaration {
  readonly name: string;
  readonly origin: Origin;
}

/** The symbols an expression reads, in order. */
export function exprSymbols(expr: KconfigExpr | undefined, into: string[] = []): string[] {
  if (!expr) return into;
  if (expr.kind === 'symbol') into.push(expr.name);
  else if (expr.kind === 'not') exprSymbols(expr.operand, into);
  else {
    exprSymbols(expr.left, into);
    exprSymbols(expr.right, into);
  }
  return into;
}

/**
 * Kconfig notation. A binary operand of the other operator is parenthesised, so that the text
 * reads the same under minikconf's precedence (`||` binds tighter than `&&`) and C's.
 */
export function formatExpr(expr: KconfigExpr): string {
  if (expr.kind === 'symbol') return expr.name;
  if (expr.kind === 'not') return `!${expr.operand.kind === 'symbol' || expr.operand.kind === 'not' ? formatExpr(expr.operand) : `(${formatExpr(expr.operand)})`}`;
  const side = (e: KconfigExpr) => ((e.kind === 'and' || e.kind === 'or') && e.kind !== expr.kind ? `(${formatExpr(e)})` : formatExpr(e));
  return `${side(expr.left)} ${expr.kind === 'and' ? '&&' : '||'} ${side(expr.right)}`;
}
