import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/cli/node-host.js';
import { exprSymbols } from '../../src/eval/minikconf/kconfig-syntax.js';
import { DEVICE_HOST_NEEDS, hasHostRule, hostSymbolValue } from '../../src/knowledge/qemu-host-symbols.js';
import { autoBuildsAsEnabled } from '../../src/knowledge/qemu-linux-auto.js';
import type { OptionState } from '../../src/knowledge/qemu-host-symbols.js';
import { loadQemuTree } from '../../src/readers/qemu/load-qemu-tree.js';
import { normalizeBuild } from '../../src/readers/qemu/normalize-build.js';
import { readFlags } from '../../src/readers/qemu/read-flags.js';
import { effectiveQemu } from '../../src/compare/effective-qemu.js';
import { qemu100, qemu100Missing, qemu72, qemu72Missing } from '../helpers/minikconf.js';

const states = (written: Readonly<Record<string, string>>) => (key: string): OptionState | undefined =>
  written[key] === undefined ? undefined : { value: written[key]!, how: 'explicit', setting: { spelling: `--${key}=${written[key]}`, origin: { file: 'f', line: 1 } } };

describe('hostSymbolValue', () => {
  // [symbol, options, target, arch, value]: meson.build's have_* rules on a Linux build host
  it.each([
    ['VHOST_USER', { vhost_user: 'auto' }, 'x86_64-softmmu', 'x86_64', 'y'],
    ['VHOST_USER', { vhost_user: 'disabled' }, 'x86_64-softmmu', 'x86_64', 'n'],
    ['VIRTFS', { virtfs: 'enabled' }, 'x86_64-softmmu', 'x86_64', 'y'],
    ['VIRTFS', { virtfs: 'auto' }, 'x86_64-softmmu', 'x86_64', 'unknown'],
    ['VIRTFS', { virtfs: 'disabled' }, 'x86_64-softmmu', 'x86_64', 'n'],
    ['SPICE', { spice: 'enabled', pixman: 'disabled' }, 'x86_64-softmmu', 'x86_64', 'n'],
    ['X11', { gtk: 'enabled' }, 'x86_64-softmmu', 'x86_64', 'unknown'],
    ['X11', { gtk: 'disabled' }, 'x86_64-softmmu', 'x86_64', 'n'],
    ['KVM', { kvm: 'auto' }, 'x86_64-softmmu', 'x86_64', 'y'],
    ['KVM', { kvm: 'enabled' }, 'aarch64-softmmu', 'x86_64', 'n'],
    ['KVM', { kvm: 'disabled' }, 'x86_64-softmmu', 'x86_64', 'n'],
    ['TCG', { tcg: 'enabled' }, 's390x-softmmu', 's390x', 'y'],
    ['XEN', { xen: 'auto' }, 'x86_64-softmmu', 'x86_64', 'unknown'],
    ['XEN', { xen: 'enabled' }, 's390x-softmmu', 's390x', 'n'],
    ['FDT', { fdt: 'auto' }, 'aarch64-softmmu', 'aarch64', 'y'],
    ['FDT', { fdt: 'auto', download: 'disabled' }, 'aarch64-softmmu', 'aarch64', 'unknown'],
    ['FDT', { fdt: 'disabled' }, 'aarch64-softmmu', 'aarch64', 'n'],
    ['FUZZ', { fuzzing: 'false' }, 'x86_64-softmmu', 'x86_64', 'n'],
    ['LINUX', {}, 'x86_64-softmmu', 'x86_64', 'y'],
    ['HVF', {}, 'aarch64-softmmu', 'aarch64', 'n'],
  ] as const)('%s with %j for %s on %s: %s', (symbol, written, target, arch, value) => {
    expect(hostSymbolValue(symbol, states(written), target, arch)?.value).toBe(value);
  });

  // The device layer's rules and the table read from meson.build (knowledge/qemu-linux-auto.ts) must
  // agree on what an `auto` feature gives on a Linux host: y exactly where auto builds as enabled.
  it.each([
    ['VHOST_USER', 'vhost_user'],
    ['VHOST_VDPA', 'vhost_vdpa'],
    ['VHOST_KERNEL', 'vhost_kernel'],
    ['TPM', 'tpm'],
    ['MULTIPROCESS_ALLOWED', 'multiprocess'],
    ['VIRTFS', 'virtfs'],
    ['SPICE', 'spice'],
    ['OPENGL', 'opengl'],
    ['PIXMAN', 'pixman'],
    ['LIBCBOR', 'libcbor'],
    ['GNUTLS', 'gnutls'],
    ['HV_BALLOON_POSSIBLE', 'hv_balloon'],
  ])('%s, its feature %s left auto: y exactly when meson.build builds it as enabled', (symbol, key) => {
    for (const version of ['7.2.0', '10.0.13']) {
      const value = hostSymbolValue(symbol, states({ [key]: 'auto' }), 'x86_64-softmmu', 'x86_64')?.value;
      expect([version, value === 'y']).toEqual([version, autoBuildsAsEnabled(key, version)]);
    }
  });

  it("takes what every build of the version has from the candidate's effective state: pixman in QEMU 7.2", () => {
    const have = effectiveQemu(normalizeBuild(readFlags('--enable-kvm', 'cand')), '7.2.0');
    expect(hostSymbolValue('PIXMAN', (key) => have.get(key), 'x86_64-softmmu', 'x86_64')).toMatchObject({ value: 'y', why: 'pixman is enabled in every build of the version' });
    const later = effectiveQemu(normalizeBuild(readFlags('--enable-kvm', 'cand')), '8.2.0');
    expect(hostSymbolValue('PIXMAN', (key) => later.get(key), 'x86_64-softmmu', 'x86_64')?.value).toBe('unknown');
  });

  it('names the option that decided, and what the build machine must have', () => {
    expect(hostSymbolValue('VIRTFS', states({ virtfs: 'disabled' }), 'x86_64-softmmu', 'x86_64')).toMatchObject({ why: '--virtfs=disabled', option: 'virtfs', origin: { line: 1 } });
    expect(hostSymbolValue('VIRTFS', states({ virtfs: 'auto' }), 'x86_64-softmmu', 'x86_64')?.why).toContain('libattr and libcap-ng');
    expect(hostSymbolValue('NO_SUCH', states({}), 'x86_64-softmmu', 'x86_64')).toBeUndefined();
  });
});

describe.each([
  ['7.2', qemu72, qemu72Missing],
  ['10.0', qemu100, qemu100Missing],
])('host symbols of QEMU %s', (_, dir, missing) => {
  it.skipIf(!dir)(`has a rule for every symbol meson.build passes${dir ? '' : ` (skipped: ${missing})`}`, async () => {
    const tree = await loadQemuTree(dir!, nodeHost());
    expect([...tree.inputs!.host, ...tree.inputs!.accelerators].filter((s) => !hasHostRule(s))).toEqual([]);
  });

  it.skipIf(!dir)(`ties each device of DEVICE_HOST_NEEDS to its host symbol in the tree's Kconfig${dir ? '' : ` (skipped: ${missing})`}`, async () => {
    const tree = await loadQemuTree(dir!, nodeHost());
    for (const [device, host] of Object.entries(DEVICE_HOST_NEEDS)) {
      const depends = tree.kconfig.clauses.filter((c) => c.kind === 'depends' && c.symbol === device).flatMap((c) => (c.kind === 'depends' ? exprSymbols(c.expr) : []));
      expect([device, depends]).toEqual([device, expect.arrayContaining([host])]);
    }
  });
});
