// -o FILE: the report replaces FILE whole, or FILE is left as it was.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/corpus.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const args = ['kernel', '-r', fixture('kernel/wants-base.conf'), fixture('kernel/guest-6.12.config')];

describe('-o FILE', () => {
  it.each(['text', 'json', 'markdown', 'sarif', 'github', 'diff'])('writes --format %s to FILE, nothing to stdout, the same bytes', async (format) => {
    const dir = tempDir('flagdiff-out-');
    const file = join(dir, 'report');
    writeFileSync(file, 'an older report that is longer than the new one, so a partial overwrite would show\n'.repeat(2000));
    const [toFile, toStdout] = [await runCli([...args, '--format', format, '-o', file]), await runCli([...args, '--format', format])];
    expect(toFile.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(toStdout.stdout);
    expect(readdirSync(dir)).toEqual(['report']); // no temporary file left
  });

  it('leaves the target alone and nothing behind when it cannot be replaced', async () => {
    const dir = tempDir('flagdiff-out-');
    const target = join(dir, 'report');
    mkdirSync(target); // rename(2) cannot put a file over a directory
    const run = await runCli([...args, '-o', target]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^flagdiff: \S+report: cannot write the output \(EISDIR\)\n$/);
    expect(readdirSync(dir)).toEqual(['report']);
  });

  it('refuses a directory that does not exist, with one line', async () => {
    const run = await runCli([...args, '-o', '/nonexistent/dir/report.json']);
    expect([run.code, run.stderr]).toEqual([2, 'flagdiff: /nonexistent/dir/report.json: cannot write the output (ENOENT)\n']);
  });
});
