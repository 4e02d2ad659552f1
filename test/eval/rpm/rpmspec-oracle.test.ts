// rpm itself as the oracle: every construct row, and every fixture spec for four arches, is parsed by
// `rpmspec --parse --target ARCH` and by flagdiff, and the two outputs must be equal. Where flagdiff
// differs on purpose (it runs no %(...) and no Lua), the row says so and the test checks rpm did run it.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { preprocessSpec } from '../../../src/eval/rpm/preprocess-spec.js';
import { fixture } from '../../helpers/corpus.js';
import { rpmspec, rpmspecMissing } from '../../helpers/oracles.js';
import { buildSection, runRpmspec } from '../../helpers/rpmspec.js';
import { CONSTRUCTS, specOf } from './constructs.js';
import type { Construct } from './constructs.js';

/**
 * Macros rpm takes from its host's configuration (rpmrc, platform file) and flagdiff leaves as written.
 * rpm is told to print them as written too (`%%{optflags}` is the text %{optflags}), so that the
 * comparison is of the expansion, not of two hosts.
 */
const HOST_MACROS: ReadonlyArray<readonly [string, string]> = [['optflags', '%%{optflags}']];

const rpmOutput = new Map<string, string>();

async function flagdiffBuild(row: Construct): Promise<string> {
  const spec = await preprocessSpec({ file: 'demo.spec', text: specOf(row) }, { arch: row.arch ?? 'x86_64', defines: row.defines ?? [], with: row.with ?? [], without: row.without ?? [] });
  return buildSection(spec.parsed);
}

describe.skipIf(!rpmspec)(`constructs against rpmspec${rpmspec ? '' : ` (skipped: ${rpmspecMissing})`}`, () => {
  beforeAll(() => {
    for (const row of CONSTRUCTS) {
      const run = runRpmspec(specOf(row), { ...row, defines: [...HOST_MACROS, ...(row.defines ?? [])] });
      if (run.status !== 0) throw new Error(`rpmspec failed on "${row.name}": ${run.stderr}`);
      rpmOutput.set(row.name, buildSection(run.stdout));
    }
  });

  it.each(CONSTRUCTS.filter((row) => !row.flagdiff).map((row) => [row.name, row] as const))('%s', async (_, row) => {
    expect(await flagdiffBuild(row)).toBe(rpmOutput.get(row.name));
  });

  it.each(CONSTRUCTS.filter((row) => row.flagdiff).map((row) => [row.name, row] as const))('%s: rpm runs it, flagdiff does not', async (_, row) => {
    expect(rpmOutput.get(row.name)).not.toBe(row.flagdiff!.expected);
    expect(await flagdiffBuild(row)).toBe(row.flagdiff!.expected);
  });

  it('keeps rpm\'s answers in golden/constructs.json, which constructs.test.ts checks without rpm', async () => {
    await expect(`${JSON.stringify(Object.fromEntries(rpmOutput), null, 2)}\n`).toMatchFileSnapshot('golden/constructs.json');
  });
});
