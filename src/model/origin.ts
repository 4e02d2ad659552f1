/** Where a value came from: a file and line, and the chain it was expanded through. */

/**
 * A place in an input file. `via` is the expansion chain, outermost first: the macro, function
 * or template a value came through (e.g. `%{disable_everything}` defined at spec:1450).
 */
export interface Origin {
  /** Path as given by the user, or a path inside a named source (`fragments/common/9p.conf`). */
  readonly file: string;
  /** 1-based line number. */
  readonly line: number;
  readonly column?: number;
  readonly via?: readonly Origin[];
  /**
   * What is entered at this place when the origin is a step of a `via` chain: the macro used there
   * (`%{disable_everything}`) or the shell function called there (`run_configure`).
   */
  readonly name?: string;
}

/** `file:line`, the form editors and terminals turn into links. */
export function formatOrigin(origin: Origin): string {
  return `${origin.file}:${origin.line}`;
}
