/**
 * Expansions shared between the arches of one spec. Most of a spec expands the same on every arch:
 * a piece whose macros resolve to the very same definitions on the next arch gives the same text and
 * makes the same definitions, so it is replayed instead of expanded again. Definitions are shared
 * objects for this to hold: rpm's own macros, the command line's, the preamble tags', and those a
 * replayed piece makes. Only a read of something arch-specific (`%{_isa}`, a macro an `%ifarch`
 * chose) expands the piece again.
 */
import type { Code } from '../../model/codes.js';
import type { Origin } from '../../model/origin.js';
import { expandText } from './expand-macros.js';
import type { MacroEngine, TableOp } from './macro-engine.js';
import { lookupMacro, popLevel, popMacro, pushMacro } from './macro-table.js';
import type { MacroDefinition } from './macro-table.js';
import type { SpannedText } from './spanned-text.js';

export interface ExpansionMemo {
  /** The pieces as read, by their place (`file:line`): one object, so their origins are the same objects too. */
  readonly read: Map<string, SpannedText>;
  /** Expansions, by the place of the piece. */
  readonly pieces: Map<string, PieceRecord>;
  /** Definitions made outside expansion, by a key of what made them: the same object on every arch. */
  readonly definitions: Map<string, SharedDefinition>;
  /** The unknown values of all arches, so that an unknown's character means the same on each. */
  readonly unknowns: string[];
}

interface SharedDefinition {
  readonly definition: MacroDefinition;
  /** The origins and places of the body's spans: shared only when they are the very same. */
  readonly refs: readonly unknown[];
}

interface PieceRecord {
  readonly source: string;
  readonly text: SpannedText;
  readonly failed: boolean;
  readonly work: number;
  readonly reads: ReadonlyArray<readonly [string, MacroDefinition | undefined]>;
  readonly ops: readonly TableOp[];
  readonly reports: ReadonlyArray<readonly [Code, string, Origin]>;
}

export function createExpansionMemo(): ExpansionMemo {
  return { read: new Map(), pieces: new Map(), definitions: new Map(), unknowns: [] };
}

/** The piece as another arch read it from the same place, when its text is the same. */
export function sharedPiece(memo: ExpansionMemo | undefined, key: string, piece: SpannedText): SpannedText {
  if (!memo) return piece;
  const known = memo.read.get(key);
  if (known && known.text === piece.text) return known;
  memo.read.set(key, piece);
  return piece;
}

/** Expands a piece of the spec, or replays the expansion another arch made of it when nothing it read differs. */
export function expandPiece(engine: MacroEngine, source: SpannedText, key: string, memo: ExpansionMemo | undefined): { text: SpannedText; failed: boolean } {
  if (!memo || !source.text.includes('%')) return expandText(engine, source);
  const record = memo.pieces.get(key);
  if (record && record.source === source.text && record.reads.every(([name, found]) => lookupMacro(engine.table, name) === found)) {
    for (const op of record.ops) apply(engine, op);
    for (const [code, message, origin] of record.reports) engine.report(code, message, origin);
    engine.work += record.work;
    return { text: record.text, failed: record.failed };
  }
  const recording = { reads: [], ops: [], reports: [], made: new Set<MacroDefinition>() };
  const work = engine.work;
  engine.recording = recording;
  let result: { text: SpannedText; failed: boolean };
  try {
    result = expandText(engine, source);
  } finally {
    engine.recording = undefined;
  }
  if (!engine.exhausted) memo.pieces.set(key, { source: source.text, ...result, work: engine.work - work, ...recording });
  return result;
}

/**
 * A definition made outside expansion (a preamble tag, the command line): the same object for every
 * arch that makes it from the same text, written at the same places.
 */
export function sharedDefinition(memo: ExpansionMemo | undefined, key: string, definition: MacroDefinition): MacroDefinition {
  if (!memo) return definition;
  const refs = definition.body.spans.flatMap((span) => [span.origin, span.place, span.mark]);
  const full = `${key}\u0000${definition.name}\u0000${definition.body.text}`;
  const known = memo.definitions.get(full);
  if (known && known.refs.length === refs.length && known.refs.every((ref, i) => ref === refs[i])) return known.definition;
  memo.definitions.set(full, { definition, refs });
  return definition;
}

function apply(engine: MacroEngine, op: TableOp): void {
  if (op.kind === 'push') pushMacro(engine.table, op.definition);
  else if (op.kind === 'pop') popMacro(engine.table, op.name);
  else popLevel(engine.table, op.level);
}
