// flagdiff check: what it finds on a machine, described by a probe, and what it does on this one.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/check-command.js';
import type { HostProbe } from '../../src/cli/find-host-files.js';
import { findKernelConfig, findQemu } from '../../src/cli/find-host-files.js';
import { DEBIAN_CLOUD, corpus, fixture } from '../helpers/corpus.js';
import { reportSchemaErrors } from '../helpers/report-schema.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

function machine(files: Record<string, string | Uint8Array>, options: Partial<HostProbe> = {}): HostProbe {
  const root = tempDir('flagdiff-host-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
    chmodSync(join(root, path), 0o755);
  }
  return { machine: 'x86_64', release: '6.12.0-test', path: join(root, 'usr/bin'), root, isFile: (p) => { try { return readFileSync(p) !== undefined; } catch { return false; } }, ...options };
}

async function check(probe: HostProbe, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(['--format', 'json', ...args], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {} }, probe);
  return { code, document: JSON.parse(stdout), stderr };
}

describe('finding the host files', () => {
  it.each([
    // files present, kernel config found (relative to the root)
    [['proc/config.gz', 'boot/config-6.12.0-test'], 'proc/config.gz'], // the running kernel's own first
    [['boot/config-6.12.0-test'], 'boot/config-6.12.0-test'],
    [['lib/modules/6.12.0-test/config'], 'lib/modules/6.12.0-test/config'],
    [['boot/config-6.1.0-old'], null], // another kernel's config is not this one's
  ])('%j: kernel config %s', (present, found) => {
    const probe = machine(Object.fromEntries(present.map((p) => [p, 'x'])));
    expect(findKernelConfig(probe).path).toBe(found && join(probe.root, found));
  });

  it.each([
    // uname -m, files present, QEMU found
    ['x86_64', ['usr/bin/qemu-system-x86_64', 'usr/libexec/qemu-kvm'], 'usr/bin/qemu-system-x86_64'],
    ['x86_64', ['usr/libexec/qemu-kvm'], 'usr/libexec/qemu-kvm'],
    ['ppc64le', ['usr/bin/qemu-system-ppc64'], 'usr/bin/qemu-system-ppc64'], // QEMU's target name, not uname's
    ['aarch64', ['usr/bin/qemu-system-x86_64'], null],
  ])('%s with %j: QEMU %s', (arch, present, found) => {
    const probe = machine(Object.fromEntries(present.map((p) => [p, 'x'])), { machine: arch });
    expect(findQemu(probe).path).toBe(found && join(probe.root, found));
  });

  it('says where it looked, each place once, up to the one that has it', () => {
    const probe = machine({ 'usr/libexec/qemu-kvm': 'x' });
    const bin = join(probe.root, 'usr/bin');
    const { looked } = findQemu({ ...probe, path: [bin, bin, '/nowhere'].join(':') });
    expect(looked).toEqual([join(bin, 'qemu-system-x86_64'), '/nowhere/qemu-system-x86_64', join(probe.root, 'usr/libexec/qemu-kvm')]);
  });
});

describe('flagdiff check', () => {
  it('compares the kernel config it found, names the QEMU binary, and exits by the findings', async () => {
    const probe = machine({ 'proc/config.gz': gzipSync(readFileSync(corpus(DEBIAN_CLOUD))), 'usr/bin/qemu-system-x86_64': '#!/bin/sh\n' });
    const { code, document } = await check(probe);
    expect(document.host.inputs).toMatchObject([
      { what: 'kernel config', path: join(probe.root, 'proc/config.gz') },
      { what: 'QEMU binary', path: join(probe.root, 'usr/bin/qemu-system-x86_64'), note: expect.stringMatching(/^not compared: /) },
    ]);
    expect(document.reports).toHaveLength(1);
    expect(document.reports[0]).toMatchObject({ arch: 'x86_64', candidate: { version: '6.12.117' } });
    expect(code).toBe(1);
    expect((await check(probe, '--fail-on', 'never')).code).toBe(0);
  });

  it('prints a JSON document the shipped schema describes, host object included', async () => {
    const probe = machine({ 'proc/config.gz': gzipSync(readFileSync(corpus(DEBIAN_CLOUD))), 'usr/bin/qemu-system-x86_64': '#!/bin/sh\n' });
    const { document } = await check(probe);
    expect(document.host).toMatchObject({ arch: 'x86_64', release: '6.12.0-test' });
    expect(reportSchemaErrors(document)).toEqual([]);
  });

  it('takes the output options of the other commands: waivers and every format', async () => {
    const probe = machine({ 'proc/config.gz': gzipSync(readFileSync(corpus(DEBIAN_CLOUD))) });
    const { document } = await check(probe, '--waivers', fixture('waivers/debian-amd64.ini'));
    // Waived by the file, not by Kata's own whitelist.
    expect(document.reports[0].findings.some((f: { waived?: { builtIn?: true } }) => f.waived && !f.waived.builtIn)).toBe(true);
    let stdout = '';
    const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, env: {} };
    await run(['--format', 'sarif', '--fail-on', 'never'], io, probe);
    expect(JSON.parse(stdout).version).toBe('2.1.0');
  });

  it('says plainly what it could not find, and exits 2 when there is nothing to compare', async () => {
    const probe = machine({});
    const { code, document, stderr } = await check(probe);
    expect(document.reports).toEqual([]);
    expect(document.host.inputs.map((i: { path: string | null }) => i.path)).toEqual([null, null]);
    expect(code).toBe(2);
    expect(stderr).toBe(`flagdiff check: no kernel config found (looked at ${['proc/config.gz', 'boot/config-6.12.0-test', 'lib/modules/6.12.0-test/config'].map((p) => join(probe.root, p)).join(', ')}); nothing compared\n`);
  });

  it('refuses a CANDIDATE', async () => {
    const run = await runCli(['check', 'x.config']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('check takes no CANDIDATE');
  });

  it('on this machine: a report, or a clear reason, and an exit code of the contract', async () => {
    const run = await runCli(['check']);
    expect([0, 1, 2]).toContain(run.code);
    expect(run.stdout).toMatch(/^host \S+, Linux \S+\n {2}(found {5}|not found )kernel config/);
    if (run.code === 2) expect(run.stderr).toMatch(/^flagdiff check: .+; nothing compared\n$/);
    else expect(run.stdout).toMatch(/\nkernel \S+: \d+ requirements, \d+ satisfied/);
    // A QEMU binary found is compared (flagdiff qemu's comparison), or the note says why not.
    if (/found {5}QEMU binary/.test(run.stdout)) expect(run.stdout).toMatch(/\nqemu \S+: \d+ requirements, \d+ satisfied|\(not compared: /);
  });
});
