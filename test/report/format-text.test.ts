// Golden files, reviewed by eye: realistic comparisons of the fixtures, as a user sees them.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('--format text', () => {
  it('groups findings by kind, shows both lines, and ends with the summary', async () => {
    const run = await runCli(['kernel', '-r', 'fixtures/kernel/wants-base.conf', '-r', 'fixtures/kernel/wants-override.conf', 'fixtures/kernel/guest-6.12.config']);
    await expect(run.stdout).toMatchFileSnapshot('./golden/fragments-vs-guest.txt');
  });

  it('summarises the built-in profile against a Fedora dist-git config in one line', async () => {
    const run = await runCli(['kernel', 'fixtures/kernel/fedora-dist-git.config', '--quiet']);
    await expect(run.stdout).toMatchFileSnapshot('./golden/kata-vs-fedora-quiet.txt');
  });
});
