import { describe, expect, it } from 'vitest';
import { splitWords } from '../../../src/readers/qemu/split-words.js';

describe('splitWords (xargs quote removal)', () => {
  // [input, words]
  it.each([
    ['--a --b', ['--a', '--b']],
    ['--extra-cflags=" -O2 -g"', ['--extra-cflags= -O2 -g']],
    ["--x='a b' c", ['--x=a b', 'c']],
    ['--a \\\n  --b', ['--a', '--b']],
    ['--a\\ b', ['--a b']],
    ['\n\n--a\t\t--b\n', ['--a', '--b']],
  ])('%j → %j', (input, words) => {
    expect(splitWords(input).map((w) => w.text)).toEqual(words);
  });

  // the negative twin: quotes that are not closed are flagged, not silently joined
  it.each([['--x="open'], ["--y='open"]])('%j is reported as unterminated', (input) => {
    expect(splitWords(input).at(-1)?.unterminated).toBe(true);
  });

  it('gives each word the line it starts on', () => {
    expect(splitWords('--a\n\n--b \\\n--c').map((w) => w.line)).toEqual([1, 3, 4]);
  });
});
