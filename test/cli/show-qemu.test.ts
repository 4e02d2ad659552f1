// `flagdiff show --domain qemu` on the QEMU candidates `flagdiff qemu` reads: a flags file, normalised as
// the comparison sees it; a qemu-system binary, what its help output names.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Setting } from '../../src/model/setting.js';
import { fixture } from '../helpers/corpus.js';
import { qemuX86, qemuX86Missing } from '../helpers/qemu-binary.js';
import { runCli } from '../helpers/run-cli.js';

interface ShownConfig {
  readonly domain: string;
  readonly meta: { source: string; arch?: string; version?: string };
  readonly settings: Setting[];
}
const show = async (...args: string[]) => {
  const run = await runCli(['show', ...args, '--format', 'json']);
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { sources: ShownConfig[] }).sources[0]!;
};

describe('flagdiff show, QEMU candidates', () => {
  const FLAGS = fixture('qemu/mini-2019.flags');
  const lines = readFileSync(FLAGS, 'utf8').split('\n');
  const lineOf = (word: string) => lines.indexOf(word) + 1;

  it('a flags file with --domain qemu: each option once, at the word that set it last, with the word it overrode', async () => {
    const shown = await show(FLAGS, '--domain', 'qemu');
    expect(shown.domain).toBe('qemu');
    const setting = (key: string) => shown.settings.find((s) => s.key === key)!;
    expect(setting('vhost_user')).toMatchObject({ value: 'disabled', origin: { file: FLAGS, line: lineOf('--disable-vhost-user') } });
    expect(setting('virtfs')).toMatchObject({ value: 'enabled', origin: { line: lineOf('--enable-virtfs') }, writers: [{ value: 'disabled', origin: { line: lineOf('--disable-virtfs') } }] });
  });

  it('without --domain qemu, a flags file is read as a kernel config and refused as one', async () => {
    const run = await runCli(['show', FLAGS]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no CONFIG_ setting found');
  });

  it.skipIf(!qemuX86)('without --domain qemu, a binary is not run: it is refused as a kernel config', async () => {
    const run = await runCli(['show', qemuX86!]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('binary file, not a text configuration');
  });

  it.skipIf(!qemuX86)(`a qemu-system binary: every device, machine and object its help output names, at that line (${qemuX86 ? 'Debian\'s QEMU' : qemuX86Missing})`, async () => {
    const shown = await show(qemuX86!, '--domain', 'qemu');
    expect(shown.meta).toMatchObject({ arch: 'x86_64', version: expect.stringMatching(/^\d+\.\d+$/) });
    const help = execFileSync(qemuX86!, ['-device', 'help'], { encoding: 'utf8' }).split('\n');
    const device = shown.settings.find((s) => s.key === 'device virtio-net-pci')!;
    expect(device.origin.file).toBe(`${qemuX86} -device help`);
    expect(help[device.origin.line - 1]).toMatch(/^name "virtio-net-pci"/);
    expect(shown.settings.some((s) => s.key === 'machine q35')).toBe(true);
    expect(shown.settings.some((s) => s.key === 'object memory-backend-file')).toBe(true);
  });
});
