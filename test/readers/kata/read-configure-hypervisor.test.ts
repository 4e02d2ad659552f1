// configure-hypervisor.sh evaluated statically against the same script run by bash: the fixture (a
// script shaped like Kata's, written for the tests) for several QEMU versions, arches and builds, with
// gcc and uname stubbed in PATH. Kata's own script is not in the repository; the shipped profile built
// from it is compared with the corpus dumps in test/knowledge.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShell } from '../../../src/eval/shell/parse-shell.js';
import { readConfigureHypervisor } from '../../../src/readers/kata/read-configure-hypervisor.js';
import { fixture } from '../../helpers/corpus.js';
import { bash } from '../../helpers/bash-oracle.js';
import { tempDir } from '../../helpers/temp-dir.js';

const SCRIPT = 'tools/packaging/scripts/configure-hypervisor.sh';
const text = readFileSync(fixture(`kata/${SCRIPT}`), 'utf8');
const script = parseShell(text, SCRIPT);

/** The fixture run by bash in a directory with a VERSION file, gcc 12.2.0 and uname stubbed. */
function runReal(args: readonly string[], version: string, prefix: string | undefined, host: string) {
  const dir = tempDir('flagdiff-chv-');
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'VERSION'), `${version}\n`);
  for (const [name, body] of [['gcc', 'case "$1" in -dumpversion) echo 12;; -dumpfullversion) echo 12.2.0;; esac'], ['uname', `echo ${host}`]]) {
    writeFileSync(join(dir, 'bin', name!), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, 'bin', name!), 0o755);
  }
  const env: Record<string, string> = { PATH: `${join(dir, 'bin')}:/usr/bin:/bin`, LC_ALL: 'C', ...(prefix ? { PREFIX: prefix } : {}) };
  const run = spawnSync(bash.path!, [fixture(`kata/${SCRIPT}`), ...args], { cwd: dir, env, encoding: 'utf8' });
  return { lines: run.stdout.split('\n').filter((l) => l.includes('\t\t') && !l.startsWith('#')), status: run.status, stderr: run.stderr.trim() };
}

describe.skipIf(!bash.path)(`the fixture against bash${bash.path ? '' : ` (skipped: ${bash.missing})`}`, () => {
  it.each([
    // QEMU version, arch, static, PREFIX
    ['8.2.4', 'x86_64', true, '/opt/kata'],
    ['7.0.0', 'x86_64', true, '/opt/kata'],
    ['7.0.50', 'aarch64', false, undefined],
    ['9.1.0', 's390x', true, undefined],
    ['9.0.0-rc2', 'ppc64le', false, '/usr/local'],
    ['11.0.1', 'riscv64', true, '/opt/kata'],
  ] as const)('QEMU %s, %s, static %s, PREFIX %s', (version, arch, isStatic, prefix) => {
    const real = runReal([isStatic ? '-ds' : '-d', 'kata-qemu', arch], version, prefix, arch);
    const ours = readConfigureHypervisor(script, { arch, qemuVersion: version, static: isStatic, ...(prefix ? { prefix } : {}) });
    expect(real.lines.length).toBeGreaterThan(5);
    expect(ours.options.map((o) => `${o.tags.join(',')}\t\t${o.option}`)).toEqual(real.lines);
  });

  it.each([
    // QEMU version whose build the script refuses, with bash's message
    ['6.0.0'],
    ['5.2.0-rc4'],
  ])('stops for QEMU %s as bash does', (version) => {
    const real = runReal(['-ds', 'kata-qemu', 'x86_64'], version, undefined, 'x86_64');
    const ours = readConfigureHypervisor(script, { arch: 'x86_64', qemuVersion: version });
    expect(real.status).toBe(1);
    expect(ours.options).toEqual([]);
    expect(ours.failed).toBe(real.stderr);
    expect(ours.diagnostics.map((d) => d.code)).toEqual(['FD111']);
  });
});

describe('what the reader adds to the options', () => {
  const result = readConfigureHypervisor(script, { arch: 'x86_64', qemuVersion: '9.1.0', prefix: '/opt/kata' });

  it('gives each option the line that appended it, through the script\'s echo | cut', () => {
    const lineOf = (option: string) => result.options.find((o) => o.option === option)?.line;
    const lines = text.split('\n');
    const expected = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(lineOf('--disable-qpl')).toBe(expected('opts+=(size:--disable-qpl)'));
    expect(lineOf('--target-list=x86_64-softmmu')).toBe(expected('--target-list=${arch}-softmmu'));
    expect(lineOf('--prefix=/opt/kata')).toBe(expected('--prefix="${prefix}"'));
  });

  it('reads the tags legend the dump prints', () => {
    expect(result.tags).toEqual({ arch: 'depends on the architecture', minimal: 'leave out what is not needed', security: 'safer', size: 'smaller binary', speed: 'faster start' });
  });

  it('reports an option given twice (FD411) and a tag missing from the legend (FD410)', () => {
    expect(result.diagnostics.map((d) => `${d.code}:${d.line}`)).toEqual([`FD411:${text.split('\n').findIndex((l) => l.includes('opts+=(speed:--enable-kvm)')) + 2}`]);
    const unchecked = parseShell(text.replace('opts+=(size:--disable-docs)', 'opts+=(sise:--disable-docs)').replace('[[ -n "${known_tags[${tag}]}" ]] || fail', ': ||'), SCRIPT);
    const codes = readConfigureHypervisor(unchecked, { arch: 'x86_64', qemuVersion: '9.1.0' }).diagnostics.map((d) => d.code);
    expect(codes).toEqual(['FD410', 'FD411']);
  });
});
