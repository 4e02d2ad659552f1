/** What a reader could not understand or refused to evaluate. */
import type { Code } from './codes.js';
import { CODES } from './codes.js';
import type { Origin } from './origin.js';
import type { Severity } from './severity.js';

/** One problem with an input, located at a file and line (line 0: the file as a whole). */
export interface Diagnostic {
  readonly code: Code;
  readonly level: Severity;
  /** One sentence naming the key or the construct. */
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly via?: readonly Origin[];
}

/** A diagnostic with the code's own severity unless `level` is given. */
export function diagnostic(code: Code, message: string, origin: Origin, level?: Severity): Diagnostic {
  const base = { code, level: level ?? CODES[code].severity, message, file: origin.file, line: origin.line };
  return origin.via ? { ...base, via: origin.via } : base;
}

/**
 * A problem that stops the run: the input cannot be read at all. The CLI turns it into a
 * one-line message and exit code 2; library users get the diagnostic on `error.diagnostic`.
 */
export class InputError extends Error {
  readonly diagnostic: Diagnostic;

  constructor(diagnostic: Diagnostic) {
    super(`${diagnostic.file}${diagnostic.line ? `:${diagnostic.line}` : ''}: ${diagnostic.message}`);
    this.name = 'InputError';
    this.diagnostic = diagnostic;
  }
}
