// test/ mirrors src/: every test sits where the module it tests sits, so each can be found from the other.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT } from './helpers/corpus.js';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('layout', () => {
  it('has a test folder for every source folder', () => {
    const dirs = files(join(PROJECT, 'src')).map((f) => relative(join(PROJECT, 'src'), join(f, '..')));
    for (const dir of new Set(dirs)) expect(existsSync(join(PROJECT, 'test', dir)), `test/${dir}`).toBe(true);
  });

  it('keeps source files around 300 lines at most', () => {
    const long = files(join(PROJECT, 'src'))
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => readFileSync(f, 'utf8').split('\n').length > 320);
    expect(long).toEqual([]);
  });
});
