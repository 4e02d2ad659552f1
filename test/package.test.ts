// The packed tarball, installed into an empty project, works the three ways users use it:
// npx, require() and import.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEBIAN_AMD64, PROJECT, corpus } from './helpers/corpus.js';
import { tempDir } from './helpers/temp-dir.js';

const { version } = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as { version: string };
let app: string;
let packed: string[];

beforeAll(() => {
  const work = tempDir('flagdiff-pack-');
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: PROJECT, encoding: 'utf8' });
  const [info] = JSON.parse(output) as [{ filename: string; files: { path: string }[] }];
  packed = info.files.map((f) => f.path);
  app = join(work, 'app');
  execFileSync('mkdir', [app]);
  writeFileSync(join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, info.filename)], { cwd: app, stdio: 'ignore' });
}, 180_000);

describe('npm pack', () => {
  it('ships the build and the docs, not the sources or tests', () => {
    expect(packed).toContain('dist/cli/cli.cjs');
    expect(packed).toContain('dist/index.cjs');
    expect(packed).toContain('dist/index.d.ts');
    expect(packed).toContain('docs/findings.md');
    expect(packed).toContain('schema/report.schema.json');
    expect(packed.filter((p) => p.startsWith('src/') || p.startsWith('test/') || p.startsWith('fixtures/'))).toEqual([]);
  });

  it('runs with npx, with the built-in profile inside', () => {
    expect(execFileSync('npx', ['flagdiff', '--version'], { cwd: app, encoding: 'utf8' })).toBe(`${version}\n`);
    const run = spawnSync('npx', ['flagdiff', 'kernel', '--quiet', corpus(DEBIAN_AMD64)], { cwd: app, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^kernel x86_64: 643 requirements, 314 satisfied/);
  });

  it('loads with require() and with import', () => {
    const cjs = execFileSync(process.execPath, ['-e', 'console.log(typeof require("flagdiff").compareKernel)'], { cwd: app, encoding: 'utf8' });
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', 'import { VERSION } from "flagdiff"; console.log(VERSION)'], { cwd: app, encoding: 'utf8' });
    expect([cjs, esm]).toEqual(['function\n', `${version}\n`]);
  });

  it('exports the JSON Schema of --format json', () => {
    const title = execFileSync(process.execPath, ['-e', 'console.log(require("flagdiff/report.schema.json").title)'], { cwd: app, encoding: 'utf8' });
    expect(title).toBe('flagdiff report document\n');
  });
});
