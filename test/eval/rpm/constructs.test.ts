// Each construct row, expanded by flagdiff, gives what rpm printed for it (golden/constructs.json,
// written and re-checked against rpmspec by rpmspec-oracle.test.ts), or flagdiff's own answer where
// it differs on purpose, with the codes that say why.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { preprocessSpec } from '../../../src/eval/rpm/preprocess-spec.js';
import { buildSection } from '../../helpers/rpmspec.js';
import { CONSTRUCTS, specOf } from './constructs.js';
import type { Construct } from './constructs.js';

const RPM: Readonly<Record<string, string>> = JSON.parse(readFileSync(new URL('golden/constructs.json', import.meta.url), 'utf8'));

async function expand(row: Construct) {
  const spec = await preprocessSpec({ file: 'demo.spec', text: specOf(row) }, { arch: row.arch ?? 'x86_64', defines: row.defines ?? [], with: row.with ?? [], without: row.without ?? [] });
  return { build: buildSection(spec.parsed), codes: [...new Set(spec.diagnostics.map((d) => d.code))].sort() };
}

describe('rpm constructs', () => {
  it('has rpm\'s answer for every row', () => {
    expect(Object.keys(RPM).sort()).toEqual(CONSTRUCTS.map((row) => row.name).sort());
  });

  it.each(CONSTRUCTS.filter((row) => !row.flagdiff).map((row) => [row.name, row] as const))('%s', async (name, row) => {
    expect((await expand(row)).build).toBe(RPM[name]);
  });

  it.each(CONSTRUCTS.filter((row) => row.flagdiff).map((row) => [row.name, row] as const))('%s: differs from rpm on purpose', async (name, row) => {
    const { build, codes } = await expand(row);
    expect(build).not.toBe(RPM[name]);
    expect(build).toBe(row.flagdiff!.expected);
    expect(codes).toEqual([...row.flagdiff!.codes].sort());
  });
});
