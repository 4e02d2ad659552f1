// The kernel's own scripts/diffconfig reads the same files: for real config pairs, what it reports
// as removed, added and changed must be exactly what flagdiff's reader yields for the two files.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readKconfig } from '../../../src/readers/kconfig/read-kconfig.js';
import { DEBIAN_AMD64, DEBIAN_CLOUD, FEDORA_X86, corpus } from '../../helpers/corpus.js';
import { diffconfig, diffconfigMissing, python } from '../../helpers/oracles.js';

type Changes = string[];

function oracle(a: string, b: string): Changes {
  return execFileSync(python, [diffconfig!, a, b], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\n')
    .filter(Boolean)
    .sort();
}

/** The same three blocks from flagdiff's reader, in diffconfig's notation (names without CONFIG_). */
function ours(a: string, b: string): Changes {
  const read = (path: string) => readKconfig(readFileSync(path, 'utf8'), path).settings;
  const [left, right] = [read(a), read(b)];
  const name = (key: string) => key.slice('CONFIG_'.length);
  const lines: string[] = [];
  for (const [key, { value }] of left) {
    const other = right.get(key);
    if (!other) lines.push(`-${name(key)} ${value}`);
    else if (value !== other.value) lines.push(` ${name(key)} ${value} -> ${other.value}`);
  }
  for (const [key, { value }] of right) if (!left.has(key)) lines.push(`+${name(key)} ${value}`);
  return lines.sort();
}

describe.skipIf(!diffconfig)(`reader against scripts/diffconfig${diffconfig ? '' : ` (skipped: ${diffconfigMissing})`}`, () => {
  it.each([
    // first, second
    [DEBIAN_AMD64, DEBIAN_CLOUD],
    [FEDORA_X86, DEBIAN_AMD64],
    ['kernel/kata/x86_64_kata_kvm_4.14.x', 'kernel/kata/arm64_kata_kvm_5.4.x'],
  ])('%s vs %s', (a, b) => {
    const expected = oracle(corpus(a), corpus(b));
    expect(expected.length).toBeGreaterThan(100);
    expect(ours(corpus(a), corpus(b))).toEqual(expected);
  });
});
