// The device allowlist evaluated statically against the same script run by bash: the fixture (shaped
// like Kata's static-build/qemu/build-qemu.sh, written for the tests) appends to default.mak in a
// scratch directory; the lines it writes and the devices it checks must be what the reader finds.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShell } from '../../../src/eval/shell/parse-shell.js';
import { readQemuDevices } from '../../../src/readers/kata/read-qemu-devices.js';
import { fixture } from '../../helpers/corpus.js';
import { bash } from '../../helpers/bash-oracle.js';
import { tempDir } from '../../helpers/temp-dir.js';

const SCRIPT = 'tools/packaging/static-build/qemu/build-qemu.sh';
const text = readFileSync(fixture(`kata/${SCRIPT}`), 'utf8');
const script = parseShell(text, SCRIPT);

function runReal(arch: string, flavor: string) {
  const dir = tempDir('flagdiff-bq-');
  const env = { PATH: '/usr/bin:/bin', ARCH: arch, HYPERVISOR_NAME: flavor === 'plain' ? 'kata-qemu' : `kata-qemu-${flavor}` };
  const run = spawnSync(bash.path!, [fixture(`kata/${SCRIPT}`)], { cwd: dir, env, encoding: 'utf8' });
  const target = ['i386-softmmu', 'aarch64-softmmu', 's390x-softmmu'].find((t) => existsSync(join(dir, `qemu-src/configs/devices/${t}/default.mak`)) && readFileSync(join(dir, `qemu-src/configs/devices/${t}/default.mak`), 'utf8'));
  const mak = target ? readFileSync(join(dir, `qemu-src/configs/devices/${target}/default.mak`), 'utf8') : '';
  const checked = existsSync(join(dir, 'checked')) ? readFileSync(join(dir, 'checked'), 'utf8').split('\n').filter(Boolean).map((l) => l.replace('device ', '')) : [];
  return { status: run.status, stderr: run.stderr.trim(), target, entries: mak.split('\n').filter((l) => /^CONFIG_/.test(l)), checked };
}

describe.skipIf(!bash.path)(`the fixture against bash${bash.path ? '' : ` (skipped: ${bash.missing})`}`, () => {
  it.each([
    // arch, flavour
    ['x86_64', 'plain'],
    ['x86_64', 'no-shared-fs'],
    ['x86_64', 'snp-experimental'],
    ['aarch64', 'plain'],
    ['s390x', 'plain'],
  ])('%s %s', (arch, flavor) => {
    const real = runReal(arch, flavor);
    const ours = readQemuDevices(script, { arch, flavor });
    expect(real.status).toBe(0);
    expect(ours.devices?.target).toBe(real.target);
    expect(ours.devices?.entries.map((e) => `${e.key}=${e.value}`)).toEqual(real.entries);
    expect(ours.devices?.qomDevices.map(([name]) => name)).toEqual(real.checked);
    expect(ours.diagnostics).toEqual([]);
  });

  it.each([
    // arch, flavour that the script refuses
    ['aarch64', 'no-shared-fs'],
    ['s390x', 'tdx-experimental'],
  ])('%s %s stops as bash does', (arch, flavor) => {
    const real = runReal(arch, flavor);
    const ours = readQemuDevices(script, { arch, flavor });
    expect(real.status).toBe(1);
    expect(ours.devices).toBeUndefined();
    expect(ours.failed).toBe(real.stderr);
  });
});

describe('where each device line comes from', () => {
  const { devices } = readQemuDevices(script, { arch: 'x86_64', flavor: 'plain' });
  const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.startsWith(needle)) + 1;
  it.each([
    // key, the line that writes it, its group
    ['CONFIG_VIRTIO_BLK', lineOf('CONFIG_VIRTIO_BLK=y'), '_BASE_DEVS'],
    ['CONFIG_VHOST_USER_FS', lineOf('CONFIG_VHOST_USER_FS=y'), '_FS_DEVS'],
    ['CONFIG_SEV', lineOf('CONFIG_SEV=y'), '_TEE_DEVS'],
    ['CONFIG_Q35', lineOf("\tprintf 'CONFIG_Q35=y"), undefined],
    ['CONFIG_PVPANIC_ISA', lineOf("\tprintf 'CONFIG_Q35=y"), undefined],
  ])('%s', (key, line, group) => {
    expect(devices?.entries.find((e) => e.key === key)).toEqual({ key, value: 'y', file: SCRIPT, line, ...(group ? { group } : {}) });
  });
});
