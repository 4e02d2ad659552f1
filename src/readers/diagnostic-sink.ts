/** Collects a reader's diagnostics, reporting at most a few of each code per file so hostile input stays cheap. */
import type { Code } from '../model/codes.js';
import { diagnostic } from '../model/diagnostic.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Origin } from '../model/origin.js';
import type { Severity } from '../model/severity.js';

const PER_CODE = 20;

export interface DiagnosticSink {
  /** `level` overrides the code's own severity, where the context says it matters less (or more). */
  add(code: Code, message: string, origin: Origin, level?: Severity): void;
  /** The diagnostics, with one closing line per code that hit the cap. */
  finish(): Diagnostic[];
}

export function createDiagnosticSink(file: string, perCode = PER_CODE): DiagnosticSink {
  const kept: Diagnostic[] = [];
  const dropped = new Map<Code, number>();
  const counts = new Map<Code, number>();
  return {
    add(code, message, origin, level) {
      const count = (counts.get(code) ?? 0) + 1;
      counts.set(code, count);
      if (count <= perCode) kept.push(diagnostic(code, message, origin, level));
      else dropped.set(code, (dropped.get(code) ?? 0) + 1);
    },
    finish() {
      const tail = [...dropped].map(([code, n]) =>
        diagnostic(code, `${n} more lines like the above were not reported`, { file, line: 0 }),
      );
      return [...kept, ...tail];
    },
  };
}

/** A line quoted in a message: short, and on one line. */
export function quoteLine(text: string, max = 60): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return JSON.stringify(clean.length > max ? `${clean.slice(0, max)}…` : clean);
}
