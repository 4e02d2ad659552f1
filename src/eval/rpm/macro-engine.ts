/** The state one macro expansion runs in: the table, the bounds, and where problems are reported. */
import type { Code } from '../../model/codes.js';
import type { Origin } from '../../model/origin.js';
import { lookupMacro, popLevel, popMacro, pushMacro } from './macro-table.js';
import type { MacroDefinition, MacroTable } from './macro-table.js';
import { append } from './spanned-text.js';
import type { TextBuilder } from './spanned-text.js';
import { unknownChar } from './spanned-text.js';

/** Bounds that keep hostile specs cheap. Real specs stay far below them. */
export interface MacroLimits {
  /** Nesting of macro expansions; rpm's own limit (max_macro_depth) is 64. */
  readonly maxDepth: number;
  /** Characters one expansion may produce. */
  readonly maxOutput: number;
  /** Characters scanned and written over the whole spec, for one arch. */
  readonly maxWork: number;
}

export const DEFAULT_MACRO_LIMITS: MacroLimits = { maxDepth: 64, maxOutput: 4 * 1024 * 1024, maxWork: 64 * 1024 * 1024 };

export type Report = (code: Code, message: string, origin: Origin) => void;

export interface MacroEngine {
  readonly table: MacroTable;
  readonly limits: MacroLimits;
  readonly report: Report;
  depth: number;
  /** Scope of parametric calls: 0 at spec level. */
  level: number;
  work: number;
  /** Set once a bound is hit: nothing more is expanded. */
  exhausted: boolean;
  /** Why each unknown value is unknown, by the index its character carries (`unknownChar`). */
  readonly unknowns: string[];
  /** Set while one piece of a spec is expanded, to share its expansion with other arches (expansion-memo.ts). */
  recording?: Recording;
}

/** What expanding one piece of text read from the macro table and did to it. */
export interface Recording {
  /** Each macro looked up that existed before the piece (or did not exist), with what was found. */
  readonly reads: Array<readonly [string, MacroDefinition | undefined]>;
  readonly ops: TableOp[];
  readonly reports: Array<readonly [Code, string, Origin]>;
  /** Definitions the piece made itself: reading them is no dependency. */
  readonly made: Set<MacroDefinition>;
}

export type TableOp = { readonly kind: 'push'; readonly definition: MacroDefinition } | { readonly kind: 'pop'; readonly name: string } | { readonly kind: 'pop-level'; readonly level: number };

/** Looks a macro up, noting the dependency while recording. */
export function readMacro(engine: MacroEngine, name: string): MacroDefinition | undefined {
  const found = lookupMacro(engine.table, name);
  const recording = engine.recording;
  if (recording && !(found && recording.made.has(found))) recording.reads.push([name, found]);
  return found;
}

/** Changes the table, noting the change while recording. */
export function changeTable(engine: MacroEngine, op: TableOp): void {
  if (op.kind === 'push') pushMacro(engine.table, op.definition);
  else if (op.kind === 'pop') popMacro(engine.table, op.name);
  else popLevel(engine.table, op.level);
  if (engine.recording) {
    engine.recording.ops.push(op);
    if (op.kind === 'push') engine.recording.made.add(op.definition);
  }
}

/** One expansion buffer (rpm's MacroBuf): an error stops it, as mb->error stops expandMacro. */
export interface Run {
  readonly out: TextBuilder;
  error: boolean;
}

export function createEngine(table: MacroTable, report: Report, limits: MacroLimits = DEFAULT_MACRO_LIMITS, unknowns: string[] = []): MacroEngine {
  const engine: MacroEngine = {
    table,
    limits,
    report: (code, message, origin) => {
      engine.recording?.reports.push([code, message, origin]);
      report(code, message, origin);
    },
    depth: 0,
    level: 0,
    work: 0,
    exhausted: false,
    unknowns,
  };
  return engine;
}

/** rpm's mbErr with error set: reports and stops the expansion. */
export function fail(engine: MacroEngine, run: Run, message: string, site: Origin, code: Code = 'FD120'): void {
  engine.report(code, message, site);
  run.error = true;
}

/** Counts work; false once past a bound, when the caller must stop and `exhaust`. */
export function charge(engine: MacroEngine, run: Run, amount: number): boolean {
  engine.work += amount;
  return !engine.exhausted && engine.work <= engine.limits.maxWork && run.out.text.length <= engine.limits.maxOutput;
}

/** Stops the expansion for good, reporting the bound that was hit once. */
export function exhaust(engine: MacroEngine, run: Run, site: Origin): void {
  if (!engine.exhausted) {
    const what = engine.work > engine.limits.maxWork ? `more than ${engine.limits.maxWork} characters of macro work` : `an expansion longer than ${engine.limits.maxOutput} characters`;
    engine.report('FD121', `macro expansion stopped: ${what} (an exponential or runaway macro)`, site);
  }
  engine.exhausted = true;
  run.error = true;
}

/** Writes the stand-in for a value flagdiff does not compute, and reports why. */
export function appendUnknown(engine: MacroEngine, run: Run, code: Code, reason: string, site: Origin): void {
  engine.report(code, reason, site);
  append(run.out, unknownChar(engine.unknowns.push(reason) - 1), site, { kind: 'unknown', reason });
}
