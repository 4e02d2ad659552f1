// The README's GitHub Actions workflow, run: its flagdiff commands on the Debian config, with the
// README's waiver file, give what GitHub accepts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT } from './helpers/corpus.js';
import { DEBIAN, WAIVERS } from './helpers/debian-run.js';
import { runCli } from './helpers/run-cli.js';
import { sarifErrors } from './helpers/sarif-schema.js';
import { tempDir } from './helpers/temp-dir.js';

const readme = readFileSync(join(PROJECT, 'README.md'), 'utf8');
const workflow = /### GitHub Actions[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
const { version } = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as { version: string };
const out = tempDir('flagdiff-readme-');

/** The workflow's flagdiff commands, as argv, with the repository's files replaced by the test's. */
const commands = [...workflow.matchAll(/npx --yes flagdiff@(\S+) (.*)$/gm)].map((m) => ({
  version: m[1]!,
  argv: m[2]!
    .trim()
    .split(/\s+/)
    .map((word) => ({ 'configs/guest-x86_64.config': DEBIAN, '.github/flagdiff-waivers.ini': WAIVERS })[word] ?? (word.startsWith('flagdiff.') ? join(out, word) : word)),
}));
const formatOf = (argv: readonly string[]) => argv[argv.indexOf('--format') + 1];

describe('the README workflow', () => {
  it('runs this version of flagdiff, in three formats', () => {
    expect(commands.map((c) => c.version)).toEqual([version, version, version]);
    expect(commands.map((c) => formatOf(c.argv))).toEqual(['sarif', 'markdown', 'github']);
    expect(workflow).toContain('sarif_file: flagdiff.sarif');
  });

  it('writes SARIF that the official schema accepts, and Markdown under GitHub\'s limit with its marker', async () => {
    for (const { argv } of commands.slice(0, 2)) expect((await runCli(argv)).code).toBe(0); // --fail-on never
    expect(sarifErrors(JSON.parse(readFileSync(join(out, 'flagdiff.sarif'), 'utf8')))).toEqual([]);
    const markdown = readFileSync(join(out, 'flagdiff.md'), 'utf8');
    expect(markdown.length).toBeLessThan(65_536);
    expect(markdown.split('\n')[0]).toMatch(/^<!-- flagdiff:report .* -->$/);
  });

  it('checks QEMU\'s Debian packaging: SARIF the schema accepts, one run per arch, under the category asked', async () => {
    const packaging = /In a repository of QEMU's Debian packaging[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    const [, pinned, args] = /npx --yes flagdiff@(\S+) (.*)$/m.exec(packaging)!;
    expect(pinned).toBe(version);
    // The repository's root is the packaging's tree: here the test's own.
    const argv = args!.trim().split(/\s+/).map((word) => (word === '.' ? 'fixtures/debian/qemu-like' : word === 'qemu.sarif' ? join(out, word) : word));
    expect((await runCli(argv)).code).toBe(0);
    const sarif = JSON.parse(readFileSync(join(out, 'qemu.sarif'), 'utf8')) as { runs: Array<{ automationDetails: { id: string } }> };
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarif.runs.map((r) => r.automationDetails.id.split('/').slice(0, 3).join('/'))).toEqual(['qemu-packaging/qemu/x86_64', 'qemu-packaging/qemu/aarch64']);
  });

  it('fails the last step on errors, with at most 10 annotations of each level', async () => {
    const run = await runCli(commands[2]!.argv);
    expect(run.code).toBe(1);
    for (const level of ['error', 'warning', 'notice']) expect(run.stdout.split('\n').filter((l) => l.startsWith(`::${level} `)).length).toBeLessThanOrEqual(10);
  });
});
