/**
 * Values of the shell evaluator: strings made of pieces that each remember where they were written,
 * Known or Unknown (with the reason), and the variables that hold them.
 */
import type { Origin } from '../../model/origin.js';

/** A run of text and the place it was written (a literal's line, or the line an escape produced it at). */
export interface Piece {
  readonly text: string;
  readonly origin: Origin;
}

/**
 * A string value. `origin` is where the word or assignment that produced it was written; `pieces` say
 * where each part of the text came from. When `unknown` is set the value cannot be known statically:
 * `pieces` then hold the part that could be evaluated, for messages only.
 */
export interface ShellString {
  readonly pieces: readonly Piece[];
  readonly origin: Origin;
  readonly unknown?: string;
}

export interface VariableAttributes {
  readonly integer?: boolean;
  readonly exported?: boolean;
  readonly readonly?: boolean;
}

/** A scalar, an indexed array (sparse, by index) or an associative array. */
export type ShellVariable =
  | { readonly kind: 'scalar'; readonly value: ShellString; readonly attributes: VariableAttributes }
  | { readonly kind: 'indexed'; readonly items: ReadonlyMap<number, ShellString>; readonly attributes: VariableAttributes }
  | { readonly kind: 'assoc'; readonly items: ReadonlyMap<string, ShellString>; readonly attributes: VariableAttributes };

export function textOf(value: ShellString): string {
  return value.pieces.length === 1 ? value.pieces[0]!.text : value.pieces.map((p) => p.text).join('');
}

export function knownString(text: string, origin: Origin): ShellString {
  return { pieces: text ? [{ text, origin }] : [], origin };
}

export function unknownString(reason: string, origin: Origin, pieces: readonly Piece[] = []): ShellString {
  return { pieces, origin, unknown: reason };
}

/** Joins values; the result is unknown when any part is, with the first reason. */
export function concatStrings(values: readonly ShellString[], origin: Origin): ShellString {
  const pieces: Piece[] = [];
  let unknown: string | undefined;
  for (const value of values) {
    pieces.push(...value.pieces);
    unknown ??= value.unknown;
  }
  return unknown === undefined ? { pieces: mergePieces(pieces), origin } : { pieces: mergePieces(pieces), origin, unknown };
}

/** Characters `start` to `end` of a value, each piece keeping its origin. */
export function sliceString(value: ShellString, start: number, end = Number.POSITIVE_INFINITY): ShellString {
  const pieces: Piece[] = [];
  let at = 0;
  for (const piece of value.pieces) {
    const from = Math.max(start - at, 0);
    const to = Math.min(end - at, piece.text.length);
    if (from < to) pieces.push(from === 0 && to === piece.text.length ? piece : { text: piece.text.slice(from, to), origin: piece.origin });
    at += piece.text.length;
  }
  return { ...value, pieces };
}

/** Adjacent pieces from the same place become one. */
function mergePieces(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (!piece.text) continue;
    if (last && last.origin === piece.origin) out[out.length - 1] = { text: last.text + piece.text, origin: last.origin };
    else out.push(piece);
  }
  return out;
}

/** The value with its text replaced, keeping the origin of the first piece (for values computed from others). */
export function withText(value: ShellString, text: string, origin: Origin = value.pieces[0]?.origin ?? value.origin): ShellString {
  return { ...value, pieces: text ? [{ text, origin }] : [] };
}

/** The index order bash lists an indexed array in. */
export function indexedValues(items: ReadonlyMap<number, ShellString>): ShellString[] {
  return [...items.keys()].sort((a, b) => a - b).map((k) => items.get(k)!);
}

/** What a variable expands to as a scalar: element 0 of an indexed array, key "0" of an associative one. */
export function scalarOf(variable: ShellVariable | undefined): ShellString | undefined {
  if (!variable) return undefined;
  if (variable.kind === 'scalar') return variable.value;
  return variable.kind === 'indexed' ? variable.items.get(0) : variable.items.get('0');
}

/** Every element, in bash's order: index order, or insertion order for associative arrays. */
export function elementsOf(variable: ShellVariable | undefined): ShellString[] {
  if (!variable) return [];
  if (variable.kind === 'scalar') return [variable.value];
  return variable.kind === 'indexed' ? indexedValues(variable.items) : [...variable.items.values()];
}

/** A line of a value and where its first character was written. */
export interface Line {
  readonly text: string;
  readonly origin: Origin;
}

/** The value's lines (without their newlines), each with the origin of the piece its text starts in. */
export function splitLines(value: ShellString): Line[] {
  const lines: Line[] = [];
  let text = '';
  let origin: Origin | undefined;
  for (const piece of value.pieces) {
    const parts = piece.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) {
        lines.push({ text, origin: origin ?? piece.origin });
        text = '';
        origin = undefined;
      }
      if (part && origin === undefined) origin = piece.origin;
      text += part;
    });
  }
  if (text) lines.push({ text, origin: origin! });
  return lines;
}
