import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { kataQemuReference } from '../../src/knowledge/kata-qemu-reference.js';
import type { ReportDocument } from '../../src/model/report.js';
import { corpus, fixture } from '../helpers/corpus.js';
import { qemuX86, qemuX86Missing } from '../helpers/qemu-binary.js';
import { runCli } from '../helpers/run-cli.js';

describe.skipIf(!qemuX86)(`flagdiff qemu on Debian's binary (${qemuX86 ? 'present' : qemuX86Missing})`, () => {
  it('reports Kata x86_64 verify list device by device, as build-qemu.sh verify_devices would', async () => {
    const run = await runCli(['qemu', '--format', 'json', qemuX86!]);
    const document = JSON.parse(run.stdout) as ReportDocument;
    const report = document.reports[0]!;
    // Oracle: the binary's own -device/-object/-machine help, matched the way Kata's verify_devices
    // does (grep 'name "X"'), verify_objects (a line that is the name) and a machine line starting with it.
    const help = (what: string) => execFileSync(qemuX86!, [`-${what}`, 'help'], { encoding: 'utf8' });
    const [devices, objects, machines] = [help('device'), help('object'), help('machine')];
    const kata = kataQemuReference('x86_64');
    const expected = [
      ...kata.devices.filter((d) => !devices.includes(`name "${d.name}"`)).map((d) => ['FD239', d.name]),
      ...kata.machines.filter((m) => !machines.split('\n').some((l) => l.startsWith(`${m.name} `))).map((m) => ['FD240', m.name]),
      ...kata.objects.filter((o) => !objects.split('\n').some((l) => l.trim() === o.name)).map((o) => ['FD241', o.name]),
    ].sort((a, b) => (a[1]! < b[1]! ? -1 : 1));
    expect(report.findings.map((f) => [f.code, f.key])).toEqual(expected);
    expect(report.summary.requirements).toBe(kata.devices.length + kata.machines.length + kata.objects.length);
    expect(run.code).toBe(expected.length > 0 ? 1 : 0);
    // The binary's version comes from its newest versioned machine type, pc-q35-X.Y.
    const newest = machines.match(/^pc-q35-(\d+\.\d+)/m)?.[1];
    expect(report.candidate.version).toBe(newest);
  });
});

describe('flagdiff qemu', () => {
  it('reports --disable-glusterfs when Kata is evaluated for QEMU 11.1', async () => {
    const run = await runCli(['qemu', '--qemu-version', '11.1.0', 'kata']);
    expect(run.stdout).toContain('--disable-glusterfs');
    expect(run.stdout).toContain('unknown-option (1)');
    expect(run.code).toBe(1);
  });

  it('compares a Kata -d dump with Kata itself: nothing to report for the version it pins', async () => {
    const run = await runCli(['qemu', '--qemu-version', '11.0.1', '--fail-on', 'info', corpus('qemu/kata-flags/kata-qemu-11.0.1-static-aarch64.dump')]);
    expect(run.stdout).toMatch(/qemu aarch64: \d+ requirements, (\d+) satisfied; 0 errors, 0 warnings, 0 info/);
    expect(run.code).toBe(0);
  });

  it('prints the consequence and the configuration.toml fix with a finding', async () => {
    const run = await runCli(['qemu', '--qemu-version', '4.1.0', fixture('qemu/mini-2019.flags')]);
    expect(run.stdout).toContain("'vhost-user-fs-pci' is not a valid device model name");
    expect(run.stdout).toContain('fix: set shared_fs = "virtio-9p"');
  });

  // [args, message on stderr]: usage and input errors end with exit 2 and one line
  it.each([
    [['qemu'], 'no CANDIDATE given'],
    [['qemu', '--qemu-version', 'eleven', 'kata'], '--qemu-version must look like'],
    [['qemu', 'qemu.spec'], 'spec files'],
    [['qemu', '--arch', 'riscv64', 'kata'], 'no riscv64 build'],
    [['qemu', '/nonexistent/flags'], 'no such file'],
  ])('%j → exit 2', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
