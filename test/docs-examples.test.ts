// The documentation's examples are real output: each `$ flagdiff ...` in a text block of README.md and
// docs/*.md is run with the built executable, and every line the block shows must be a line it prints.
// Inputs are named as a reader of the docs has them: ../shared/corpus, fixtures/, a QEMU tree `qemu-10.0`
// and Debian's source tree `qemu-10.0.13+ds` (built here from the trees .ci/run downloads); an example
// whose input is the reader's own (config.gz) or the host's (`flagdiff check`) is skipped, saying why.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT } from './helpers/corpus.js';
import { debianPackaging } from './helpers/debian-packaging.js';
import { qemu100 } from './helpers/minikconf.js';
import { tempDir } from './helpers/temp-dir.js';

const BIN = join(PROJECT, 'dist', 'cli', 'cli.cjs');
const DOCS = ['README.md', ...readdirSync(join(PROJECT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

interface Example {
  readonly doc: string;
  readonly command: string;
  readonly shown: readonly string[];
}

/** Each `$ flagdiff ...` of a text block and the lines shown after it, up to the next `$`. */
function examples(doc: string): Example[] {
  const found: Example[] = [];
  for (const [, block] of readFileSync(join(PROJECT, doc), 'utf8').matchAll(/```text\n([\s\S]*?)```/g)) {
    let current: { command: string; shown: string[] } | undefined;
    for (const line of block!.split('\n')) {
      if (line.startsWith('$ ')) {
        current = { command: line.slice(2), shown: [] };
        found.push({ doc, ...current });
      } else if (current && line.trim() !== '' && line.trim() !== '...') current.shown.push(line);
    }
  }
  return found.filter((e) => e.command.startsWith('flagdiff '));
}

/** The directory the examples run in: the inputs they name, where the docs say they are. */
function workspace(): string {
  const root = tempDir('flagdiff-docs-');
  symlinkSync(join(PROJECT, '..', 'shared'), join(root, 'shared'));
  const work = join(root, 'work');
  mkdirSync(work);
  symlinkSync(join(PROJECT, 'fixtures'), join(work, 'fixtures'));
  const packaging = debianPackaging('10.0');
  if (qemu100) symlinkSync(qemu100, join(work, 'qemu-10.0'));
  if (qemu100 && packaging) {
    // `apt-get source qemu` unpacks QEMU's tree with debian/ inside it (copied: links leaving a tree are refused).
    const tree = join(work, 'qemu-10.0.13+ds');
    cpSync(qemu100, tree, { recursive: true });
    cpSync(packaging, join(tree, 'debian'), { recursive: true });
  }
  return work;
}

const words = (command: string) => command.split(/\s+/).filter(Boolean);
/** The QEMU trees the docs name, built in the workspace from .ci/run's downloads when they are there. */
const TREES = ['qemu-10.0', 'qemu-10.0.13+ds'];
/** Options whose value is not a path. */
const VALUES = new Set(['--arch', '--build', '--variant', '--define', '-D', '--format', '-f', '--fail-on', '--domain', '--flavor', '--qemu-version', '--kernel-version', '--layout', '--vendor', '--profile', '--category', '--with', '--without']);
/** The files and directories a command reads: its words that name a path (`TARGET=FILE` gives FILE). */
function paths(command: string): string[] {
  const found: string[] = [];
  const all = words(command).slice(2);
  all.forEach((word, i) => {
    if (word.startsWith('-') || VALUES.has(all[i - 1] ?? '') || word === '<') return;
    const path = word.slice(word.lastIndexOf('=') + 1);
    if (path.includes('/') || /\.(gz|xz|txt|flags|spec|mak|config|ini)$/.test(path) || TREES.includes(path)) found.push(path);
  });
  return found;
}

const all = DOCS.flatMap(examples);
const cwd = workspace();

describe('the examples of README.md and docs/', () => {
  it('are there to check', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it.for(all.map((e) => [`${e.doc}: ${e.command}`, e] as const))('%s', ([, example], { skip }) => {
    // The reader's own inputs or the host's: what such an example shows cannot be reproduced here.
    const host = example.command.startsWith('flagdiff check') || paths(example.command).some((p) => p.startsWith('/'));
    const missing = paths(example.command).filter((p) => !p.startsWith('/') && !existsSync(join(cwd, p)));
    skip(host, "the example reads the host's files");
    const trees = missing.filter((p) => TREES.includes(p.split('/')[0]!));
    skip(trees.length > 0, `no QEMU source tree ${trees.join(', ')}: .ci/run downloads them (apt-get source qemu)`);
    skip(missing.length > 0, `the example reads files that are the reader's, not the repository's or the downloads': ${missing.join(', ')}`);
    const run = spawnSync(process.execPath, [BIN, ...words(example.command).slice(1)], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const printed = new Set(`${run.stdout}${run.stderr}`.split('\n'));
    expect(example.shown.filter((line) => !printed.has(line))).toEqual([]);
  });
});
