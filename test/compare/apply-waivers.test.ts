// Waiver files across the reports of a run: what is waived, what expired, what was never used.
import { describe, expect, it } from 'vitest';
import { applyWaivers } from '../../src/compare/apply-waivers.js';
import { compareKernel } from '../../src/compare/compare-kernel.js';
import { profileFromConfig } from '../../src/model/profile-from-config.js';
import type { Report } from '../../src/model/report.js';
import type { Waiver, WaiverSet } from '../../src/model/waiver.js';
import { readKconfig } from '../../src/readers/kconfig/read-kconfig.js';

const reference = readKconfig('CONFIG_A=y\nCONFIG_B=y\nCONFIG_NR_CPUS=240\n', 'kata.conf');
const candidate = readKconfig('# Linux/x86 6.12.1 Kernel Configuration\nCONFIG_64BIT=y\nCONFIG_B=m\nCONFIG_NR_CPUS=8192\n', 'distro.config');
const reports = (['x86_64', 'aarch64'] as const).map((arch) => compareKernel(profileFromConfig(reference, { name: 'kata', arch }), candidate));
const line = (n: number) => ({ file: 'waivers.ini', line: n });
const set = (...waivers: Waiver[]): WaiverSet => ({ source: 'waivers.ini', builtIn: false, waivers });
const today = '2026-11-20';
// The aarch64 report also carries FD106 (an x86 candidate): only the waiver diagnostics matter here.
const waiverNotes = (r: Report) => r.diagnostics.filter((d) => d.code.startsWith('FD21'));

describe('applyWaivers', () => {
  it('marks the findings a waiver accepts, in every report it applies to, and recounts', () => {
    const [x86, arm] = applyWaivers(reports, [set({ key: 'CONFIG_NR_*', reason: 'a guest may have more CPUs', origin: line(1) })], { today });
    for (const report of [x86!, arm!]) {
      expect(report.findings.find((f) => f.key === 'CONFIG_NR_CPUS')!.waived).toEqual({ reason: 'a guest may have more CPUs', pattern: 'CONFIG_NR_*', file: 'waivers.ini', line: 1 });
      expect(report.summary).toMatchObject({ error: 2, warning: 0, waived: 1, byKind: { missing: 1, module: 1, value: 1 } });
      expect(report.diagnostics.filter((d) => d.code.startsWith('FD2'))).toEqual([]);
    }
  });

  it('lets the first matching waiver win, in file order', () => {
    const [x86] = applyWaivers(reports, [set({ key: 'CONFIG_B', reason: 'first', origin: line(1) }, { key: 'CONFIG_*', reason: 'second', origin: line(5) })], { today });
    expect(x86!.findings.map((f) => [f.key, f.waived?.reason])).toEqual([['CONFIG_A', 'second'], ['CONFIG_B', 'first'], ['CONFIG_NR_CPUS', 'second']]);
    const [swapped] = applyWaivers(reports, [set({ key: 'CONFIG_*', reason: 'first', origin: line(1) }, { key: 'CONFIG_B', reason: 'second', origin: line(5) })], { today });
    expect(swapped!.findings.map((f) => [f.key, f.waived?.reason])).toEqual([['CONFIG_A', 'first'], ['CONFIG_B', 'first'], ['CONFIG_NR_CPUS', 'first']]);
  });

  it.each([
    // expires, waived on 2026-11-20
    ['2026-11-21', true],
    ['2026-11-20', true], // the waiver holds through its last day
    ['2026-11-19', false],
  ])('a waiver expiring %s holds: %s', (expires, holds) => {
    const [x86] = applyWaivers(reports.slice(0, 1), [set({ key: 'CONFIG_B', reason: 'r', expires, origin: line(3) })], { today });
    expect(x86!.findings.find((f) => f.key === 'CONFIG_B')!.waived !== undefined).toBe(holds);
    const notes = x86!.diagnostics.filter((d) => d.code === 'FD210');
    expect(notes).toEqual(holds ? [] : [{ code: 'FD210', level: 'warning', message: `waiver [CONFIG_B] expired on ${expires}; the finding it matches counts again`, file: 'waivers.ini', line: 3 }]);
  });

  it('reports a waiver that matched nothing once, in the first report it applies to', () => {
    const result = applyWaivers(reports, [set({ key: 'CONFIG_NOPE', reason: 'r', origin: line(7) }, { key: 'CONFIG_B', reason: 'r', arches: ['aarch64'], origin: line(9) })], { today });
    expect(result.map((r) => waiverNotes(r).map((d) => [d.code, d.line, d.message]))).toEqual([
      [['FD211', 7, 'waiver [CONFIG_NOPE] matches no finding; remove it or narrow it']],
      [],
    ]);
    expect(result[1]!.findings.find((f) => f.key === 'CONFIG_B')!.waived?.line).toBe(9);
    expect(result[0]!.findings.find((f) => f.key === 'CONFIG_B')!.waived).toBeUndefined();
  });

  it('does not call a waiver unused when it applies to no report of the run', () => {
    const result = applyWaivers(reports, [set({ key: 'CONFIG_B', reason: 'r', arches: ['s390x'], origin: line(2) })], { today });
    expect(result.flatMap(waiverNotes)).toEqual([]);
  });

  it('counts a waiver used in one arch as used, though it matched nothing in the other', () => {
    const result = applyWaivers(reports, [set({ key: 'CONFIG_B', reason: 'r', origin: line(2) })], { today });
    expect(result.flatMap(waiverNotes)).toEqual([]);
  });

  it('never reports built-in waivers unused, and leaves findings they waived alone', () => {
    const builtIn: WaiverSet = { source: 'whitelist.conf', builtIn: true, waivers: [{ key: 'CONFIG_UNSEEN', reason: 'r', origin: line(0) }] };
    const [x86] = applyWaivers(reports.slice(0, 1), [builtIn], { today });
    expect(x86!.diagnostics).toEqual([]);
  });
});
