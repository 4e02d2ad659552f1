// rpm itself as the oracle: every construct row, and every fixture spec for four arches, is parsed by
// `rpmspec --parse --target ARCH` and by flagdiff, and the two outputs must be equal. Where flagdiff
// differs on purpose (it runs no %(...) and no Lua), the row says so and the test checks rpm did run it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { preprocessSpec } from '../../../src/eval/rpm/preprocess-spec.js';
import { UNKNOWN_MARK } from '../../../src/eval/rpm/spanned-text.js';
import { fixture } from '../../helpers/corpus.js';
import { rpmspec, rpmspecMissing } from '../../helpers/oracles.js';
import { HOST_MACROS, buildSection, runRpmspec } from '../../helpers/rpmspec.js';
import { CONSTRUCTS, specOf } from './constructs.js';
import type { Construct } from './constructs.js';


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

/** flagdiff's output as a pattern over rpm's: where flagdiff has the unknown mark, rpm has what the command printed. */
function asPattern(ours: string): RegExp {
  const escaped = ours.split(UNKNOWN_MARK).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[^\\n]*')}$`);
}

const ARCHES = ['x86_64', 'aarch64', 's390x', 'ppc64le'];

describe.skipIf(!rpmspec)(`fixture specs against rpmspec${rpmspec ? '' : ` (skipped: ${rpmspecMissing})`}`, () => {
  it.each([
    // spec under fixtures/rpm, --define, what flagdiff reports where it differs on purpose
    ['fedora-like.spec', [['fedora', '39']], []],
    ['fedora-like.spec', [['rhel', '9']], []],
    ['mini-like.spec', [['fedora', '31']], []],
    ['rhel-like.spec', [['rhel', '9']], []],
    ['suse-like/qemu.spec', [], ['FD320']], // %(echo '%{distro}' | sed ...) is not run
  ] as const)('%s with %j: the same text for four arches', async (name, defines, codes) => {
    const path = fixture(`rpm/${name}`);
    const sourcedir = dirname(path);
    for (const arch of ARCHES) {
      const all = [['_sourcedir', sourcedir] as const, ...defines];
      const rpm = runRpmspec('', { arch, defines: [...HOST_MACROS, ...all] }, path);
      expect(rpm.status, rpm.stderr).toBe(0);
      const ours = await preprocessSpec({ file: path, text: readFileSync(path, 'utf8') }, { arch, defines: all }, includeFrom(sourcedir));
      expect(rpm.stdout).toMatch(asPattern(ours.parsed));
      expect([...new Set(ours.diagnostics.filter((d) => d.code.startsWith('FD3')).map((d) => d.code))]).toEqual(codes);
    }
  });

  it('reads an OBS flavour substituted into the text, as OBS does (a --define does not override the spec\'s %global)', async () => {
    const path = fixture('rpm/suse-like/qemu.spec');
    const text = readFileSync(path, 'utf8').replace('@BUILD_FLAVOR@', 'linux-user');
    const defines = [['_sourcedir', dirname(path)]] as const;
    const rpm = runRpmspec(text, { defines: [...HOST_MACROS, ...defines] });
    const ours = await preprocessSpec({ file: path, text }, { arch: 'x86_64', defines }, includeFrom(dirname(path)));
    expect(rpm.stdout).toMatch(asPattern(ours.parsed));
    expect(ours.parsed).toContain('--enable-linux-user');
  });
});

function includeFrom(directory: string) {
  return async (path: string) => ({ file: path, text: readFileSync(path.startsWith('/') ? path : join(directory, path), 'utf8') });
}

describe.skipIf(!rpmspec)(`preamble lines rpm takes for no tag, against rpmspec${rpmspec ? '' : ` (skipped: ${rpmspecMissing})`}`, () => {
  it.each([
    // a line of the preamble, whether rpm 4.18 stops on it with "Unknown tag"
    ['Summary(de): Emulator', false],
    ['Summary (de) : Emulator', false],
    ['Requires(post): systemd', false],
    ['URL : https://www.qemu.org', false],
    ['Source0: qemu.tar.xz', false],
    ['Patch: fix.patch', false],
    ['BuildArch: noarch', false],
    ['Prefix: /usr', false],
    ['AutoReq: no', false],
    ['Provides(x): qemu', true],
    ['License(en): GPL', true],
    ['Requires(a b): c', true],
    ['Names: qemu', true],
    ['  Group: Emulators', true],
    ['Frobnicate: yes', true],
    ['BuildSystem: autotools', true],
    ['just words', true],
  ])('%j: rpm stops: %s', async (line, stops) => {
    const text = `Name: q\nVersion: 1\nRelease: 1\nSummary: s\nLicense: MIT\n${line}\n%description\nd\n%prep\n%build\n../configure --a\n`;
    const run = runRpmspec(text);
    expect(/Unknown tag/.test(run.stderr), run.stderr).toBe(stops);
    const spec = await preprocessSpec({ file: 'q.spec', text }, { arch: 'x86_64' });
    expect(spec.diagnostics.filter((d) => d.code === 'FD132').map((d) => d.line)).toEqual(stops ? [6] : []);
  });

  it('counts what a macro in a comment expands to, as rpm does: the lines after the first are no comment', async () => {
    const text = 'Name: q\nVersion: 1\nRelease: 1\nSummary: s\nLicense: MIT\n%global two first\\\nsecond\n# see %{two}\n%description\nd\n%prep\n%build\n../configure --a\n';
    expect(runRpmspec(text).stderr).toContain('Unknown tag: second');
    const spec = await preprocessSpec({ file: 'q.spec', text }, { arch: 'x86_64' });
    expect(spec.diagnostics.find((d) => d.code === 'FD132')?.message).toBe('"second" is no tag rpm knows: rpmbuild stops here ("Unknown tag")');
  });
});
