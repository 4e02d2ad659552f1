import { describe, expect, it } from 'vitest';
import { compareKernel, judge } from '../../src/compare/compare-kernel.js';
import { profileFromConfig } from '../../src/model/profile-from-config.js';
import { readKconfig } from '../../src/readers/kconfig/read-kconfig.js';

describe('judge: the comparison table', () => {
  it.each([
    // want, have (undefined: absent), kind
    ['y', undefined, 'missing'],
    ['m', undefined, 'missing'],
    ['240', undefined, 'missing'],
    ['"str"', undefined, 'missing'],
    ['y', 'n', 'disabled'],
    ['m', 'n', 'disabled'],
    ['240', 'n', 'disabled'],
    ['y', 'm', 'module'],
    ['240', '8192', 'value'],
    ['0x10', '0x20', 'value'],
    ['"-kata"', '""', 'value'],
    ['y', '"y"', 'value'],
    ['y', 'yes', 'value'],
    ['n', 'y', 'extra'],
    ['n', 'm', 'extra'],
  ])('want %s, have %s: %s', (want, have, kind) => {
    expect(judge(want, have)).toBe(kind);
  });

  it.each([
    // want, have: satisfied
    ['y', 'y'],
    ['m', 'm'],
    ['m', 'y'], // built in satisfies a module
    ['n', 'n'],
    ['n', undefined], // absent is off
    ['240', '240'],
    ['0x10', '16'], // numbers compare by value
    ['0x10', '0X10'],
    ['"str"', '"str"'],
  ])('want %s, have %s: satisfied', (want, have) => {
    expect(judge(want, have)).toBeUndefined();
  });

  it('calls m for y unproven, not failed, when the guest can load modules, and only then', () => {
    expect(judge('y', 'm', { modules: true })).toBe('module-unproven');
    expect(judge('y', 'n', { modules: true })).toBe('disabled');
    expect(judge('y', 'm', { modules: false })).toBe('module');
  });
});

describe('compareKernel', () => {
  const reference = readKconfig('CONFIG_A=y\nCONFIG_B=y\nCONFIG_C=y\n# CONFIG_D is not set\nCONFIG_E=240\nCONFIG_F=y\n', 'kata.conf');
  const candidate = readKconfig('# Linux/x86 6.12.1 Kernel Configuration\nCONFIG_64BIT=y\nCONFIG_B=m\n# CONFIG_C is not set\nCONFIG_D=y\nCONFIG_E=512\nCONFIG_F=y\n', 'distro.config');
  const profile = profileFromConfig(reference, { name: 'kata' });
  const report = compareKernel(profile, candidate);

  it('gives one finding per unmet requirement, sorted by kind, with both origins', () => {
    expect(report.findings.map((f) => [f.kind, f.key, f.want, f.have, f.severity, f.reference.line, f.candidate?.line ?? null])).toEqual([
      ['missing', 'CONFIG_A', 'y', null, 'error', 1, null],
      ['disabled', 'CONFIG_C', 'y', 'n', 'error', 3, 4],
      ['module', 'CONFIG_B', 'y', 'm', 'error', 2, 3],
      ['value', 'CONFIG_E', '240', '512', 'warning', 5, 6],
      ['extra', 'CONFIG_D', 'n', 'y', 'warning', 4, 5],
    ]);
  });

  it('counts every requirement once: satisfied or one finding', () => {
    expect(report.summary).toEqual({
      requirements: 6,
      satisfied: 1,
      error: 3,
      warning: 2,
      info: 0,
      waived: 0,
      byKind: { missing: 1, disabled: 1, module: 1, value: 1, extra: 1 },
    });
  });

  it('names the reference, the candidate and its version', () => {
    expect(report).toMatchObject({
      domain: 'kernel',
      arch: 'x86_64',
      reference: { name: 'kata', source: 'kata.conf' },
      candidate: { source: 'distro.config', version: '6.12.1' },
    });
  });

  it("waives what the reference's own waivers allow, and only that kind", () => {
    const origin = { file: 'whitelist.conf', line: 0 };
    const waivers = { source: 'whitelist.conf', builtIn: true, waivers: [{ key: 'CONFIG_Z', reason: 'renamed', kinds: ['missing' as const], origin }] };
    const allowed = profileFromConfig(readKconfig('CONFIG_Z=y\nCONFIG_B=y\n', 'k'), { name: 'k', waivers });
    const absent = compareKernel(allowed, candidate);
    expect(absent.findings).toMatchObject([
      { kind: 'missing', key: 'CONFIG_Z', severity: 'error', waived: { reason: 'renamed', pattern: 'CONFIG_Z', file: 'whitelist.conf', line: 0, builtIn: true } },
      { kind: 'module', key: 'CONFIG_B', severity: 'error' },
    ]);
    expect(absent.findings[1]!.waived).toBeUndefined();
    expect(absent.summary).toMatchObject({ error: 1, waived: 1, byKind: { missing: 1, module: 1 } });
    // Present but turned off is not absent: the whitelist does not cover it.
    const off = readKconfig('# CONFIG_Z is not set\nCONFIG_B=y\n', 'off.config');
    expect(compareKernel(allowed, off).findings).toMatchObject([{ kind: 'disabled', key: 'CONFIG_Z' }]);
    expect(compareKernel(allowed, off).findings[0]!.waived).toBeUndefined();
  });

  it('says when the candidate is for another arch', () => {
    const arm = readKconfig('# Linux/arm64 6.12.1 Kernel Configuration\nCONFIG_A=y\n', 'arm.config');
    const x86 = profileFromConfig(reference, { name: 'kata', arch: 'x86_64' });
    expect(compareKernel(x86, arm).diagnostics).toMatchObject([{ code: 'FD106', level: 'warning', file: 'arm.config' }]);
    expect(compareKernel(x86, candidate).diagnostics).toEqual([]);
  });
});

describe('compareKernel with a guest that loads modules', () => {
  // want y for A, B, C; the candidate builds all three as modules
  const profile = profileFromConfig(readKconfig('CONFIG_A=y\nCONFIG_B=y\nCONFIG_C=y\n', 'kata.conf'), { name: 'kata' });
  const candidate = readKconfig('CONFIG_A=m\nCONFIG_B=m\nCONFIG_C=m\n', 'distro.config');
  const moduleNamesOf = (key: string) => ({ CONFIG_A: ['a_mod'], CONFIG_B: ['b_mod'] })[key];
  const evidence = { sources: ['initramfs.list'], modules: new Map([['a_mod', { file: 'initramfs.list', line: 3 }]]) };
  const summary = (report: ReturnType<typeof compareKernel>) => report.findings.map((f) => [f.key, f.kind, f.code, f.severity]);

  it.each([
    // options, findings [key, kind, code, severity]
    [{}, [['CONFIG_A', 'module', 'FD203', 'error'], ['CONFIG_B', 'module', 'FD203', 'error'], ['CONFIG_C', 'module', 'FD203', 'error']]],
    [{ modules: true, moduleNamesOf }, [['CONFIG_A', 'module-unproven', 'FD221', 'warning'], ['CONFIG_B', 'module-unproven', 'FD221', 'warning'], ['CONFIG_C', 'module-unproven', 'FD221', 'warning']]],
    // A is listed: satisfied; B's module is known and not listed: as bad as no module; C's module is not known
    [{ moduleEvidence: evidence, moduleNamesOf }, [['CONFIG_B', 'module-unproven', 'FD221', 'error'], ['CONFIG_C', 'module-unproven', 'FD221', 'warning']]],
  ])('with %j', (options, findings) => {
    expect(summary(compareKernel(profile, candidate, options))).toEqual(findings);
  });

  it('says why each module is unproven', () => {
    const report = compareKernel(profile, candidate, { moduleEvidence: evidence, moduleNamesOf });
    expect(report.findings.map((f) => f.explanation)).toEqual([
      'CONFIG_B builds b_mod, which initramfs.list does not list.',
      'flagdiff does not know which module CONFIG_C builds, so the evidence cannot show it.',
    ]);
  });
});

describe('compareKernel with a partial candidate', () => {
  it('reports an absent symbol as unknown, and still a wanted n as satisfied', () => {
    const profile = profileFromConfig(readKconfig('CONFIG_A=y\n# CONFIG_B is not set\n', 'kata.conf'), { name: 'kata' });
    const fedora = readKconfig('# x86_64\nCONFIG_C=y\n', 'kernel-x86_64-fedora.config');
    const full = readKconfig('# Linux/x86 6.12.1 Kernel Configuration\nCONFIG_C=y\n', 'config');
    expect(compareKernel(profile, fedora).findings.map((f) => [f.key, f.kind, f.code, f.severity])).toEqual([['CONFIG_A', 'unknown', 'FD220', 'warning']]);
    expect(compareKernel(profile, full).findings.map((f) => [f.key, f.kind])).toEqual([['CONFIG_A', 'missing']]);
  });
});
