/**
 * Unified-diff hunks of two `KEY=value` line lists sorted by key with each key once, found by one
 * merge-join: a line common to both is one with the same key and value, and with keys in the same
 * order on both sides every common line belongs to the longest common subsequence, so the result is
 * the minimal diff a line diff would find, in linear time instead of Myers' edits².
 */
import type { StructuredPatchHunk } from 'diff';

type Op = readonly [' ' | '-' | '+', string];

/** The hunks, or `undefined` when a side is not sorted by key with each key once. */
export function keyedHunks(reference: readonly string[], candidate: readonly string[], context: number): StructuredPatchHunk[] | undefined {
  if (!keyed(reference) || !keyed(candidate)) return undefined;
  const ops: Op[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    for (const line of removed) ops.push(['-', line]);
    for (const line of added) ops.push(['+', line]);
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < reference.length || j < candidate.length) {
    const [a, b] = [reference[i], candidate[j]];
    if (a !== undefined && a === b) {
      flush();
      ops.push([' ', a]);
      i++;
      j++;
    } else if (b === undefined || (a !== undefined && keyOf(a) <= keyOf(b))) {
      removed.push(a!);
      i++;
      if (b !== undefined && keyOf(a!) === keyOf(b)) added.push(candidate[j++]!);
    } else {
      added.push(b);
      j++;
    }
  }
  flush();
  return hunksOf(ops, context);
}

/** Groups changes closer than 2 × context lines into one hunk, with context lines around each. */
function hunksOf(ops: readonly Op[], context: number): StructuredPatchHunk[] {
  // Lines of each side before op k, for the hunks' start lines.
  const oldBefore = [0];
  const newBefore = [0];
  for (const [mark] of ops) {
    oldBefore.push(oldBefore.at(-1)! + (mark === '+' ? 0 : 1));
    newBefore.push(newBefore.at(-1)! + (mark === '-' ? 0 : 1));
  }
  const hunks: StructuredPatchHunk[] = [];
  const changes = ops.flatMap((op, k) => (op[0] === ' ' ? [] : [k]));
  for (let c = 0; c < changes.length; ) {
    let last = c;
    while (last + 1 < changes.length && changes[last + 1]! - changes[last]! - 1 <= 2 * context) last++;
    const from = Math.max(0, changes[c]! - context);
    const to = Math.min(ops.length, changes[last]! + context + 1);
    hunks.push({
      oldStart: oldBefore[from]! + 1,
      oldLines: oldBefore[to]! - oldBefore[from]!,
      newStart: newBefore[from]! + 1,
      newLines: newBefore[to]! - newBefore[from]!,
      lines: ops.slice(from, to).map(([mark, line]) => mark + line),
    });
    c = last + 1;
  }
  return hunks;
}

function keyed(lines: readonly string[]): boolean {
  for (let k = 1; k < lines.length; k++) if (!(keyOf(lines[k - 1]!) < keyOf(lines[k]!))) return false;
  return true;
}

function keyOf(line: string): string {
  const eq = line.indexOf('=');
  return eq < 0 ? line : line.slice(0, eq);
}
