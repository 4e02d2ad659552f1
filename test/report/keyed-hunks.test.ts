// The merge-join diff of sorted KEY=value lists against the diff package's own Myers diff as the oracle.
import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from 'diff';
import type { StructuredPatchHunk } from 'diff';
import { describe, expect, it } from 'vitest';
import { keyedHunks } from '../../src/report/keyed-hunks.js';

const text = (lines: readonly string[]) => (lines.length ? `${lines.join('\n')}\n` : '');
const patchOf = (hunks: StructuredPatchHunk[]) =>
  formatPatch({ oldFileName: 'a', newFileName: 'b', oldHeader: undefined, newHeader: undefined, hunks }, FILE_HEADERS_ONLY);

/** A random side: keys K00..K39 in order, each present or not, with a value of 1 to 3. */
function side(): string[] {
  return Array.from({ length: 40 }, (_, i) => `K${String(i).padStart(2, '0')}`)
    .filter(() => Math.random() < 0.7)
    .map((key) => `${key}=${1 + Math.floor(Math.random() * 3)}`);
}

describe('keyedHunks', () => {
  it.each([0, 1, 3])('gives the same patch as the diff package, context %i, on 300 random pairs', (context) => {
    for (let n = 0; n < 300; n++) {
      const [a, b] = [side(), side()];
      const ours = keyedHunks(a, b, context)!;
      const theirs = structuredPatch('a', 'b', text(a), text(b), undefined, undefined, { context }).hunks;
      expect(patchOf(ours)).toBe(patchOf(theirs));
    }
  });

  it.each([
    // reference, candidate: not sorted by key with each key once, so left to the Myers diff
    [['B=1', 'A=1'], ['A=1']],
    [['A=1', 'A=2'], ['A=1']],
    [['A=1'], ['B=1', 'A=1']],
  ])('declines %j vs %j', (a, b) => {
    expect(keyedHunks(a, b, 3)).toBeUndefined();
  });

  it('handles empty sides', () => {
    expect(keyedHunks([], [], 3)).toEqual([]);
    expect(keyedHunks(['A=1'], [], 3)).toEqual([{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 0, lines: ['-A=1'] }]);
  });
});
