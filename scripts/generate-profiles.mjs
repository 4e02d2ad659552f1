#!/usr/bin/env node
// Writes src/knowledge/kata-kernel.json, the built-in Kata profile, from a Kata checkout or from a
// directory laid out like ../shared/corpus/kernel/kata (fragments/ and kata_config_version).
// Run by hand and commit the output:
//   npm run profiles -- ../kata-containers
//   npm run profiles -- ../shared/corpus/kernel/kata --commit 7c6ba40c54ea29b459b4997cff948caaba4e658b --kernel-version 6.18.35
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { nodeHost, readKataKernel } from '../dist/index.js';

const KERNEL_DIR = 'tools/packaging/kernel';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    commit: { type: 'string' },
    'kernel-version': { type: 'string' },
    out: { type: 'string', default: 'src/knowledge/kata-kernel.json' },
  },
});
const [input] = positionals;
if (!input) {
  console.error('usage: npm run profiles -- <kata checkout | dir with fragments/> [--commit SHA] [--kernel-version V]');
  process.exit(2);
}

const checkout = existsSync(join(input, KERNEL_DIR));
const kernelDir = checkout ? join(input, KERNEL_DIR) : input;
const fragmentsDir = existsSync(join(kernelDir, 'configs/fragments')) ? join(kernelDir, 'configs/fragments') : join(kernelDir, 'fragments');
const commit = values.commit ?? (checkout ? git(input, 'rev-parse', 'HEAD') : undefined);
const kernelVersion = values['kernel-version'] ?? (checkout ? pinnedKernel(join(input, 'versions.yaml')) : undefined);
if (!commit || !kernelVersion) {
  console.error('not a Kata checkout: pass --commit and --kernel-version');
  process.exit(2);
}

const data = await readKataKernel(resolve(fragmentsDir), nodeHost(), {
  repository: 'kata-containers/kata-containers',
  commit,
  root: `${KERNEL_DIR}/configs/fragments`,
  kernelVersion,
  configVersion: readFileSync(join(kernelDir, 'kata_config_version'), 'utf8').trim(),
});
writeFileSync(values.out, compactJson(data));
console.log(`wrote ${values.out}: ${Object.keys(data.fragments).length} fragments, ${data.mayBeAbsent.length} symbols may be absent, ${data.lints.length} lints`);

/** One fragment assignment per line, so that a profile update reads well in a diff. */
function compactJson(data) {
  const lines = JSON.stringify(data, (key, value) => (Array.isArray(value) && value.every((v) => !Array.isArray(v)) ? JSON.stringify(value) : value), 1);
  return `${lines.replace(/"(\[.*?\])"(,?)$/gm, (_, inner, comma) => `${JSON.parse(`"${inner}"`)}${comma}`)}\n`;
}

function git(dir, ...args) {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
}

/** versions.yaml: `assets:` → `kernel:` → `version: "v6.18.35"`. */
function pinnedKernel(path) {
  const match = /^assets:[\s\S]*?^ {2}kernel:[\s\S]*?^ {4}version: "?v?([^"\s]+)"?/m.exec(readFileSync(path, 'utf8'));
  return match?.[1];
}
