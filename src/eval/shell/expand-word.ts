/**
 * Word expansion (bash(1) EXPANSION), in bash's order: parameter, arithmetic and command substitution,
 * then word splitting of unquoted results on IFS, then pathname expansion (which depends on the files
 * present, so an unquoted pattern makes the word Unknown), then quote removal.
 */
import { evaluateArithmetic } from './arithmetic.js';
import type { ArithmeticScope } from './arithmetic.js';
import { expandParam } from './expand-param.js';
import { hasGlobCharacters } from './glob-pattern.js';
import type { PatternChunk } from './glob-pattern.js';
import { runSubstitution } from './run-substitution.js';
import type { Word, WordPart } from './shell-ast.js';
import type { ShellState } from './shell-state.js';
import { lookup, originAt, report, stop } from './shell-state.js';
import { assignScalar } from './assign-variable.js';
import type { Piece, ShellString } from './shell-value.js';
import { knownString, scalarOf, textOf } from './shell-value.js';
import type { Origin } from '../../model/origin.js';

/** Expanded text before splitting: `split` marks results of unquoted expansions. */
interface Segment {
  readonly text: string;
  readonly origin: Origin;
  readonly quoted: boolean;
  readonly split: boolean;
  readonly unknown?: string;
}

/** Separates the fields of `$@` and `${a[@]}`; quoted, it makes a field even of an empty element. */
interface Break {
  readonly break: true;
  readonly quoted: boolean;
}
type Item = Segment | Break;

const DEFAULT_IFS = ' \t\n';

/** Words to fields, as for a command's arguments or a `for` list. */
export function expandFields(state: ShellState, words: readonly Word[]): ShellString[] {
  const fields: ShellString[] = [];
  for (const word of words) {
    for (const field of splitFields(state, segmentsOf(state, word), originAt(state, word.line), word.line)) {
      fields.push(field);
      if (fields.length > state.limits.fields) {
        stop(state, `more than ${state.limits.fields} words`, word.line);
        return fields;
      }
    }
  }
  return fields;
}

/** One word to one string, without splitting or pathname expansion (assignments, `[[ ]]`, `case`, redirections). */
export function expandString(state: ShellState, word: Word): ShellString {
  const origin = originAt(state, word.line);
  const pieces: Piece[] = [];
  let unknown: string | undefined;
  let length = 0;
  for (const item of segmentsOf(state, word)) {
    const text = 'break' in item ? ' ' : item.text;
    if (!('break' in item)) unknown ??= item.unknown;
    appendPiece(pieces, text, 'break' in item ? origin : item.origin);
    length += text.length;
  }
  if (length > state.limits.stringLength) {
    stop(state, `a value longer than ${state.limits.stringLength} characters`, word.line);
    return { pieces: [], origin, unknown: 'too long' };
  }
  return unknown === undefined ? { pieces, origin } : { pieces, origin, unknown };
}

/** One word as a pattern: quoted characters match themselves. */
export function expandPattern(state: ShellState, word: Word): { chunks: PatternChunk[]; unknown?: string } {
  const chunks: PatternChunk[] = [];
  let unknown: string | undefined;
  for (const item of segmentsOf(state, word)) {
    if ('break' in item) chunks.push({ text: ' ', quoted: true });
    else {
      chunks.push({ text: item.text, quoted: item.quoted });
      unknown ??= item.unknown;
    }
  }
  return unknown === undefined ? { chunks } : { chunks, unknown };
}

function segmentsOf(state: ShellState, word: Word): Item[] {
  const items: Item[] = [];
  for (const part of word.parts) for (const item of expandPart(state, part)) items.push(item);
  return items;
}

/** Appends text, joining it to the last piece when both come from the same place. */
function appendPiece(pieces: Piece[], text: string, origin: Origin): void {
  if (!text) return;
  const last = pieces[pieces.length - 1];
  if (last && last.origin === origin) pieces[pieces.length - 1] = { text: last.text + text, origin };
  else pieces.push({ text, origin });
}

function expandPart(state: ShellState, part: WordPart): Item[] {
  switch (part.kind) {
    case 'literal':
      return [{ text: part.text, origin: originAt(state, part.line), quoted: part.quoted, split: false }];
    case 'param': {
      const result = expandParam(state, part.param, part.line);
      const empty: Segment = { text: '', origin: originAt(state, part.line), quoted: true, split: false };
      // "$unset" and "${a[*]}" of no elements still make one empty field; "${a[@]}" makes none.
      if (result.kind === 'one') return result.value ? fromValue(result.value, part.quoted) : part.quoted ? [empty] : [];
      if (part.quoted && result.star && result.values.length === 0) return [empty];
      if (part.quoted && result.star) {
        const ifs = scalarOf(lookup(state, 'IFS'));
        const separator = ifs ? textOf(ifs).charAt(0) : ' ';
        return result.values.flatMap((value, i) => [
          ...(i > 0 && separator ? [{ text: separator, origin: value.origin, quoted: true, split: false }] : []),
          ...fromValue(value, true),
        ]);
      }
      const gap: Break = { break: true, quoted: part.quoted };
      return result.values.flatMap((value, i) => (i > 0 ? [gap, ...fromValue(value, part.quoted)] : fromValue(value, part.quoted)));
    }
    case 'command': {
      const value = runSubstitution(state, part.body, part.line);
      return fromValue(value, part.quoted);
    }
    case 'arith': {
      const value = expandArithmetic(state, part.expression);
      return fromValue(value, part.quoted);
    }
  }
}

function fromValue(value: ShellString, quoted: boolean): Segment[] {
  const segments: Segment[] = value.pieces.map((piece) => ({ text: piece.text, origin: piece.origin, quoted, split: !quoted }));
  if (value.unknown !== undefined) segments.push({ text: '', origin: value.origin, quoted, split: !quoted, unknown: value.unknown });
  // An empty quoted expansion still makes an (empty) field.
  if (segments.length === 0 && quoted) segments.push({ text: '', origin: value.origin, quoted, split: false });
  return segments;
}

/** `$((...))`: the expanded text, evaluated as arithmetic. */
export function expandArithmetic(state: ShellState, expression: Word): ShellString {
  const text = expandString(state, expression);
  const origin = originAt(state, expression.line);
  if (text.unknown !== undefined) return { pieces: [], origin, unknown: text.unknown };
  const result = evaluateArithmetic(textOf(text), arithmeticScope(state, expression.line));
  if ('value' in result) return knownString(String(result.value), origin);
  if ('unknown' in result) return { pieces: [], origin, unknown: result.unknown };
  report(state, 'FD303', `arithmetic: ${result.error}`, expression.line);
  return { pieces: [], origin, unknown: `arithmetic error: ${result.error}` };
}

/** Variables as arithmetic sees them; assignments write back as strings. */
export function arithmeticScope(state: ShellState, line: number): ArithmeticScope {
  return {
    get(name) {
      const value = scalarOf(lookup(state, name));
      if (!value) return undefined;
      return value.unknown !== undefined ? { unknown: value.unknown } : textOf(value);
    },
    set(name, value) {
      assignScalar(state, name, knownString(String(value), originAt(state, line)), false, line);
    },
  };
}

interface FieldBuilder {
  pieces: Piece[];
  quoted: boolean;
  unknown?: string;
  pattern: boolean;
}

/** Word splitting on IFS (bash(1) Word Splitting), then the pathname-expansion check. */
function splitFields(state: ShellState, items: readonly Item[], origin: Origin, line: number): ShellString[] {
  const ifsValue = scalarOf(lookup(state, 'IFS'));
  const ifs = ifsValue ? textOf(ifsValue) : DEFAULT_IFS;
  const fields: ShellString[] = [];
  let field: FieldBuilder = { pieces: [], quoted: false, pattern: false };
  const finish = (force: boolean) => {
    if (field.pieces.length || field.quoted || force || field.unknown !== undefined) fields.push(buildField(state, field, origin, line));
    field = { pieces: [], quoted: false, pattern: false };
  };
  const append = (text: string, piece: Origin, quoted: boolean) => {
    if (!quoted && hasGlobCharacters(text)) field.pattern = true;
    appendPiece(field.pieces, text, piece);
  };
  for (const item of items) {
    if ('break' in item) {
      finish(item.quoted);
      continue;
    }
    if (item.unknown !== undefined) field.unknown ??= item.split ? `${item.unknown} (so are the words it splits into)` : item.unknown;
    if (item.quoted) field.quoted = true;
    if (!item.split) {
      append(item.text, item.origin, item.quoted);
      continue;
    }
    let run = '';
    let afterWhite = false;
    for (const ch of item.text) {
      if (!ifs.includes(ch)) {
        run += ch;
        afterWhite = false;
        continue;
      }
      append(run, item.origin, false);
      run = '';
      const white = ch === ' ' || ch === '\t' || ch === '\n';
      if (white) {
        if (field.pieces.length || field.quoted) finish(false);
        afterWhite = true;
      } else {
        if (!afterWhite || field.pieces.length) finish(true);
        afterWhite = false;
      }
    }
    append(run, item.origin, false);
  }
  finish(false);
  return fields;
}

function buildField(state: ShellState, field: FieldBuilder, origin: Origin, line: number): ShellString {
  if (field.pattern && field.unknown === undefined) {
    const text = field.pieces.map((p) => p.text).join('');
    report(state, 'FD305', `${JSON.stringify(text)} is a pathname pattern: what it expands to depends on the files present`, line);
    return { pieces: field.pieces, origin, unknown: `pathname expansion of ${JSON.stringify(text)}` };
  }
  return field.unknown === undefined ? { pieces: field.pieces, origin } : { pieces: field.pieces, origin, unknown: field.unknown };
}
