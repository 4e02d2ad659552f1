// The built executable (dist/cli/cli.cjs, built by `npm test` first), run as users run it.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEBIAN_AMD64, PROJECT, corpus } from '../helpers/corpus.js';
import { tempDir } from '../helpers/temp-dir.js';

const BIN = join(PROJECT, 'dist', 'cli', 'cli.cjs');
const run = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...options.env }, ...(options.input !== undefined ? { input: options.input } : {}) });

describe('dist/cli/cli.cjs', () => {
  it('is an executable with a node shebang', () => {
    expect(readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(statSync(BIN).mode & 0o111).not.toBe(0);
  });

  /** The code Node loads for a file of dist/cli: the file and its static imports, transitively. */
  const closure = (entry: string) => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(join(PROJECT, 'dist', 'cli', file), 'utf8');
      // Static requires start a line; lazy ones sit inside `Promise.resolve().then(...)`.
      for (const m of code.matchAll(/^(?:var \w+ = )?require\('\.\/([^']+)'\)/gm)) visit(m[1]!);
    };
    visit(entry);
    return [...seen].map((f) => readFileSync(join(PROJECT, 'dist', 'cli', f), 'utf8')).join('\n');
  };

  it('answers --help without loading a reader: the static import closure holds none', () => {
    const loaded = closure('cli.cjs');
    expect(loaded).toContain('Usage:');
    expect(loaded).not.toMatch(/function readKconfig|function compareKernel|chalk|Why it matters/);
  });

  it('compares without loading the diff and ini packages or the SARIF rules\' docs, which only some formats and --waivers need', () => {
    const command = readdirSync(join(PROJECT, 'dist', 'cli')).find((f) => /^kernel-command-.*\.cjs$/.test(f))!;
    const loaded = closure(command);
    expect(loaded).toContain('function compareKernel');
    expect(loaded).not.toMatch(/require\('diff'\)|require\('ini'\)|Why it matters/);
  });

  it('writes into a pipe, a file or /dev/null without loading Node\'s streams (~2 ms of a short run)', () => {
    // A preloaded hook lists, at exit, the modules Node loaded beyond what `node -e 0` loads.
    const dir = tempDir('flagdiff-bin-');
    const hook = join(dir, 'hook.cjs');
    const base = JSON.parse(execFileSync(process.execPath, ['-p', 'JSON.stringify(process.moduleLoadList)'], { encoding: 'utf8' })) as string[];
    writeFileSync(hook, `const base = new Set(${JSON.stringify(base)});
process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(join(dir, 'loaded'))}, process.moduleLoadList.filter((m) => !base.has(m)).join('\\n')));`);
    const loaded = (stdio: string) => {
      execFileSync('sh', ['-c', `"${process.execPath}" -r "${hook}" "${BIN}" kernel "${corpus(DEBIAN_AMD64)}" ${stdio}; true`]);
      return readFileSync(join(dir, 'loaded'), 'utf8').split('\n');
    };
    for (const stdio of ['2>&1 | cat >/dev/null', `>"${join(dir, 'out')}" 2>&1`, '>/dev/null 2>/dev/null']) {
      const modules = loaded(stdio);
      expect(modules, stdio).toContain('NativeModule internal/util/parse_args/parse_args');
      expect(modules.filter((m) => /^NativeModule (net|stream|tty|internal\/streams\/)/.test(m)), stdio).toEqual([]);
    }
  });

  it('stops quietly when the reader of its output goes away (| head)', () => {
    // show prints ~700 KB here, well past a pipe's buffer, so writes fail with EPIPE after head exits.
    const pipeline = `"${process.execPath}" "${BIN}" show "${corpus(DEBIAN_AMD64)}" | head -1; echo "status \${PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', pipeline], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').slice(1)).toEqual(['status 0', '']);
  });

  it('writes everything into a non-blocking pipe whose reader is slow (EAGAIN is waited on)', () => {
    // Python makes the pipe non-blocking, as some parents do, and reads only after the CLI has filled it.
    const script = [
      'import os, subprocess, sys, time',
      'r, w = os.pipe()',
      'os.set_blocking(w, False)',
      'p = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'time.sleep(0.3)',
      'data = b"".join(iter(lambda: os.read(r, 65536), b""))',
      'print(p.wait(), len(data), data.count(b"\\n"))',
    ].join('\n');
    const expected = execFileSync(process.execPath, [BIN, 'show', corpus(DEBIAN_AMD64)], { maxBuffer: 1 << 26 });
    const result = spawnSync('python3', ['-c', script, process.execPath, BIN, 'show', corpus(DEBIAN_AMD64)], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(`0 ${expected.length} ${expected.toString().split('\n').length - 1}`);
  });

  it('on a terminal, writes through Node\'s stream: colour, the whole report, the exit status', () => {
    // util-linux's script(1) runs the CLI on a pseudo-terminal and copies what it prints.
    const command = `"${process.execPath}" "${BIN}" kernel "${corpus(DEBIAN_AMD64)}"; echo "status $?"`;
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('\u001b[1mkernel x86_64: kata');
    expect(result.stdout).toContain('kernel x86_64: 643 requirements, 314 satisfied');
    expect(result.stdout.trimEnd().split(/\r?\n/).pop()).toBe('status 1');
  });

  it('reads stdin and prints plain text into a pipe', () => {
    const result = run(['kernel', '-'], { input: readFileSync(corpus(DEBIAN_AMD64), 'utf8') });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('kernel x86_64: 643 requirements, 314 satisfied');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('ends bad input with exit 2 and one line, never a stack trace', () => {
    const result = run(['kernel', join(PROJECT, 'dist')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^flagdiff: \S+dist: is a directory; give a kernel config file .*\n$/);
  });

  it('prints the same version as package.json', () => {
    const { version } = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as { version: string };
    expect(execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' })).toBe(`${version}\n`);
  });
});
