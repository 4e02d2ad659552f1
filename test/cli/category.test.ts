// --category: a bot that makes several flagdiff runs on one pull request tells them apart by it.
import { describe, expect, it } from 'vitest';
import { DEBIAN_AMD64, corpus } from '../helpers/corpus.js';
import { runCli } from '../helpers/run-cli.js';

const sarifIds = (stdout: string) => (JSON.parse(stdout) as { runs: Array<{ automationDetails: { id: string } }> }).runs.map((r) => r.automationDetails.id);

describe('--category', () => {
  it('names the Markdown comment\'s marker, which is the domains and arches without it', async () => {
    const named = await runCli(['kernel', corpus(DEBIAN_AMD64), '--format', 'markdown', '--category', 'pr-7/debian']);
    expect(named.stdout.split('\n')[0]).toBe('<!-- flagdiff:report pr-7/debian -->');
    const plain = await runCli(['kernel', corpus(DEBIAN_AMD64), '--format', 'markdown']);
    expect(plain.stdout.split('\n')[0]).toBe('<!-- flagdiff:report kernel x86_64 -->');
  });

  it('starts each SARIF run\'s automationDetails.id, which starts with flagdiff without it', async () => {
    const named = await runCli(['kernel', corpus(DEBIAN_AMD64), '--arch', 'x86_64', '--arch', 'aarch64', '--format', 'sarif', '--category', 'pr-7/debian']);
    expect(sarifIds(named.stdout)).toEqual([`pr-7/debian/kernel/x86_64/${corpus(DEBIAN_AMD64)}/`, `pr-7/debian/kernel/aarch64/${corpus(DEBIAN_AMD64)}/`]);
    const plain = await runCli(['kernel', corpus(DEBIAN_AMD64), '--format', 'sarif']);
    expect(sarifIds(plain.stdout)).toEqual([`flagdiff/kernel/x86_64/${corpus(DEBIAN_AMD64)}/`]);
  });

  it('is taken by qemu and check too', async () => {
    const qemu = await runCli(['qemu', 'kata', '--qemu-version', '10.0.0', '--format', 'sarif', '--category', 'qemu-job']);
    expect(sarifIds(qemu.stdout).every((id) => id.startsWith('qemu-job/qemu/x86_64/'))).toBe(true);
    expect((await runCli(['check', '--category', 'a b'])).code).toBe(2);
  });

  it('refuses what would not survive a SARIF id or an HTML comment, before reading anything', async () => {
    for (const bad of ['a b', '-->', '', 'pr\n7']) {
      const run = await runCli(['kernel', '/no/such/config', `--category=${bad}`]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^flagdiff kernel: --category takes letters, digits and/);
    }
  });
});
