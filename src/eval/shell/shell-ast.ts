/** The syntax tree of the bash subset flagdiff reads: plain readonly records, one `kind` per construct. */

/**
 * One part of a word. `quoted` parts come from `'...'`, `"..."`, `$'...'` or a backslash escape: their
 * result is neither split into fields nor used as a pattern (bash "quote removal" comes after both).
 */
export type WordPart =
  | { readonly kind: 'literal'; readonly text: string; readonly quoted: boolean; readonly line: number }
  | { readonly kind: 'param'; readonly param: ParamExpansion; readonly quoted: boolean; readonly line: number }
  /** `$(...)` or backticks: parsed, never run; evaluated only when every command in it is a builtin or answered by a hook. */
  | { readonly kind: 'command'; readonly body: readonly Command[]; readonly quoted: boolean; readonly line: number }
  /** `$((...))`: the expression text, expanded and then evaluated as integer arithmetic. */
  | { readonly kind: 'arith'; readonly expression: Word; readonly quoted: boolean; readonly line: number };

export interface Word {
  readonly parts: readonly WordPart[];
  readonly line: number;
}

/** `${name...}`: the parameter, an optional subscript and an optional operator. */
export interface ParamExpansion {
  /** A variable name, a positional number (`1`), or a special parameter (`@ * # ? $ ! 0 -`). */
  readonly name: string;
  /** `[@]`, `[*]` or an index/key word. */
  readonly index?: '@' | '*' | Word;
  readonly op?: ParamOp;
}

export type ParamOp =
  /** `:-` `-` (default), `:=` `=` (assign), `:+` `+` (alternative), `:?` `?` (error); `colon`: empty counts as unset. */
  | { readonly kind: 'default' | 'assign' | 'alternative' | 'error'; readonly colon: boolean; readonly word: Word }
  /** `${#name}` */
  | { readonly kind: 'length' }
  /** `${!name[@]}`: the keys of an array. */
  | { readonly kind: 'keys' }
  /** `${!name}`: the value of the variable named by name's value. */
  | { readonly kind: 'indirect' }
  /** `#` `##` (prefix) and `%` `%%` (suffix); `longest` for the doubled forms. */
  | { readonly kind: 'remove'; readonly from: 'prefix' | 'suffix'; readonly longest: boolean; readonly pattern: Word }
  /** `/pat/rep`, `//pat/rep`, `/#pat/rep`, `/%pat/rep`. */
  | { readonly kind: 'replace'; readonly all: boolean; readonly anchor?: 'start' | 'end'; readonly pattern: Word; readonly replacement: Word }
  /** `:offset` and `:offset:length`, both arithmetic. */
  | { readonly kind: 'substring'; readonly offset: Word; readonly length?: Word }
  /** `^` `^^` `,` `,,` */
  | { readonly kind: 'case'; readonly upper: boolean; readonly all: boolean };

/** `name=value`, `name+=value`, `name[i]=value`, `name=(a b)`, `name+=([k]=v)`. */
export interface Assignment {
  readonly name: string;
  readonly index?: Word;
  readonly append: boolean;
  readonly value?: Word;
  readonly array?: readonly ArrayItem[];
  readonly line: number;
}

export interface ArrayItem {
  readonly key?: Word;
  readonly value: Word;
}

export type RedirectOp = '>' | '>>' | '>|' | '<' | '<>' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redirect {
  readonly fd?: number;
  readonly op: RedirectOp;
  /** The file, the fd for `>&`, the word for `<<<`; for a heredoc, its body. */
  readonly target: Word;
  readonly line: number;
}

/** `[[ ... ]]` */
export type CondExpr =
  | { readonly kind: 'not'; readonly expr: CondExpr }
  | { readonly kind: 'and' | 'or'; readonly left: CondExpr; readonly right: CondExpr }
  | { readonly kind: 'unary'; readonly op: string; readonly operand: Word }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Word; readonly right: Word }
  | { readonly kind: 'word'; readonly word: Word };

export interface CaseItem {
  readonly patterns: readonly Word[];
  readonly body: readonly Command[];
  /** `;;` ends the case, `;&` falls through to the next body, `;;&` tests the next patterns. */
  readonly terminator: ';;' | ';&' | ';;&';
}

export type Command =
  | {
      readonly kind: 'simple';
      readonly line: number;
      readonly assignments: readonly Assignment[];
      readonly words: readonly Word[];
      readonly redirects: readonly Redirect[];
      /** Arguments of `local`, `declare`, `export`, ... that are assignments, by position in `words` (whose entry is empty). */
      readonly assignArgs?: ReadonlyMap<number, Assignment>;
    }
  | { readonly kind: 'pipeline'; readonly line: number; readonly negated: boolean; readonly commands: readonly Command[] }
  | { readonly kind: 'and-or'; readonly line: number; readonly op: '&&' | '||'; readonly left: Command; readonly right: Command }
  | {
      readonly kind: 'if';
      readonly line: number;
      readonly clauses: readonly { readonly condition: readonly Command[]; readonly body: readonly Command[] }[];
      readonly otherwise?: readonly Command[];
      readonly redirects: readonly Redirect[];
    }
  /** `items` undefined: `for x; do` iterates over "$@". */
  | { readonly kind: 'for'; readonly line: number; readonly name: string; readonly items?: readonly Word[]; readonly body: readonly Command[]; readonly redirects: readonly Redirect[] }
  | { readonly kind: 'while'; readonly line: number; readonly until: boolean; readonly condition: readonly Command[]; readonly body: readonly Command[]; readonly redirects: readonly Redirect[] }
  | { readonly kind: 'case'; readonly line: number; readonly subject: Word; readonly items: readonly CaseItem[]; readonly redirects: readonly Redirect[] }
  /** `{ ...; }` or, with `subshell`, `( ... )`: variable changes inside a subshell do not leak out. */
  | { readonly kind: 'group'; readonly line: number; readonly subshell: boolean; readonly body: readonly Command[]; readonly redirects: readonly Redirect[] }
  | { readonly kind: 'function'; readonly line: number; readonly name: string; readonly body: Command }
  | { readonly kind: 'cond'; readonly line: number; readonly expr: CondExpr }
  /** `(( expression ))` */
  | { readonly kind: 'arith'; readonly line: number; readonly expression: Word }
  /** A construct the parser recognised but does not evaluate (`select`, `coproc`, `&` background jobs, ...). */
  | { readonly kind: 'unsupported'; readonly line: number; readonly what: string };

/** A parsed script: its commands and the problems met while parsing. */
export interface ShellScript {
  readonly file: string;
  readonly commands: readonly Command[];
  readonly errors: readonly { readonly line: number; readonly message: string }[];
}
