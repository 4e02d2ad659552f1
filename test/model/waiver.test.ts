// Waiver matching: the glob over keys, and the scope (arch, domain, kind).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { inScope, matchesKey, waives } from '../../src/model/waiver.js';
import type { Waiver } from '../../src/model/waiver.js';
import { python } from '../helpers/oracles.js';

describe('matchesKey', () => {
  it.each([
    // pattern, key
    ['CONFIG_X', 'CONFIG_X'],
    ['CONFIG_NF_NAT_*', 'CONFIG_NF_NAT_IPV4'],
    ['CONFIG_NF_NAT_*', 'CONFIG_NF_NAT_'], // * matches nothing too
    ['*_IOMMU', 'CONFIG_VIRTIO_IOMMU'],
    ['CONFIG_?9P_FS', 'CONFIG_X9P_FS'],
    ['*', 'CONFIG_ANYTHING'],
    ['*A*A*B', 'AAAAAAAAAAAAAAAAAAAAB'],
    ['vhost-user-fs-pci.cache-size', 'vhost-user-fs-pci.cache-size'], // dots and dashes are plain characters
  ])('%s matches %s', (pattern, key) => {
    expect(matchesKey(pattern, key)).toBe(true);
  });

  it.each([
    // pattern, key: the negative twins
    ['CONFIG_X', 'CONFIG_XY'],
    ['CONFIG_X', 'XCONFIG_X'],
    ['CONFIG_NF_NAT_*', 'CONFIG_NF_NA'],
    ['*_IOMMU', 'CONFIG_VIRTIO_IOMMU_V2'],
    ['CONFIG_?9P_FS', 'CONFIG_9P_FS'], // ? is exactly one character
    ['*A*A*B', 'AAAAAAAAAAAAAAAAAAAAC'],
    ['config_x', 'CONFIG_X'], // case matters, as in Kconfig
    ['CONFIG_[AB]', 'CONFIG_A'], // brackets are not a class: plain characters
  ])('%s does not match %s', (pattern, key) => {
    expect(matchesKey(pattern, key)).toBe(false);
  });

  it("agrees with Python's fnmatchcase on patterns of * ? and letters", () => {
    // Oracle: the standard library's glob matcher, on random patterns over a small alphabet so that
    // matches and near misses are both frequent.
    const pick = (s: string, n: number) => Array.from({ length: n }, () => s[Math.floor(Math.random() * s.length)]).join('');
    const cases = Array.from({ length: 400 }, () => [pick('AB*?', 1 + Math.floor(Math.random() * 6)), pick('AB', Math.floor(Math.random() * 7))] as const);
    const script = 'import sys, json, fnmatch\nprint(json.dumps([fnmatch.fnmatchcase(k, p) for p, k in json.load(sys.stdin)]))';
    const expected = JSON.parse(execFileSync(python, ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8' })) as boolean[];
    expect(cases.map(([p, k]) => matchesKey(p, k))).toEqual(expected);
  });

  it('stays linear-ish on a hostile pattern', () => {
    const started = performance.now();
    expect(matchesKey(`${'*A'.repeat(200)}B`, 'A'.repeat(5000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000); // a backtracking regex would take years
  });
});

describe('waives', () => {
  const origin = { file: 'waivers.ini', line: 1 };
  const base: Waiver = { key: 'CONFIG_X*', reason: 'r', origin };
  const finding = { key: 'CONFIG_XY', kind: 'missing', domain: 'kernel', arch: 'x86_64' } as const;

  it.each([
    // waiver fields beyond key and reason, waives the x86_64 kernel missing CONFIG_XY
    [{}, true],
    [{ arches: ['x86_64', 'aarch64'] }, true],
    [{ arches: ['aarch64'] }, false],
    [{ domains: ['kernel'] }, true],
    [{ domains: ['qemu'] }, false],
    [{ kinds: ['missing'] }, true],
    [{ kinds: ['module', 'value'] }, false],
    [{ key: 'CONFIG_Y' }, false],
  ] as const)('%j: %s', (fields, expected) => {
    expect(waives({ ...base, ...fields }, finding)).toBe(expected);
  });

  it('keeps arch-scoped waivers out of reports without an arch', () => {
    expect(inScope({ ...base, arches: ['x86_64'] }, 'kernel', null)).toBe(false);
    expect(inScope(base, 'kernel', null)).toBe(true);
  });
});
