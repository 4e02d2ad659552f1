#!/usr/bin/env node
// Writes the built-in Kata profiles into src/knowledge/ from a Kata checkout, read statically (nothing
// of the checkout is run). Run by hand and commit the output:
//   npm run profiles -- ../kata-containers                     kata-kernel.json and kata-qemu-build.json
//   npm run profiles -- ../packaging --qemu-version 5.0.0      kata1-qemu-build.json (Kata 1.x pins QEMU elsewhere)
//   npm run profiles -- ../shared/corpus/kernel/kata --commit 7c6ba40c54ea29b459b4997cff948caaba4e658b --kernel-version 6.18.35
//                                                              kata-kernel.json from a directory laid out like the corpus
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { nodeHost, readKataKernel, readKataReference } from '../dist/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    commit: { type: 'string' },
    'kernel-version': { type: 'string' },
    'qemu-version': { type: 'string' },
    'out-dir': { type: 'string', default: 'src/knowledge' },
  },
});
const [input] = positionals;
if (!input) {
  console.error('usage: npm run profiles -- <kata checkout | dir with fragments/> [--commit SHA] [--kernel-version V] [--qemu-version V]');
  process.exit(2);
}
const out = (name) => join(values['out-dir'], name);
const checkout = existsSync(join(input, 'tools/packaging/scripts/configure-hypervisor.sh')) || existsSync(join(input, 'scripts/configure-hypervisor.sh'));

if (checkout) {
  // The generator may ask git for the commit; flagdiff itself reads .git statically.
  const commit = values.commit ?? execFileSync('git', ['-C', input, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const reference = await readKataReference(resolve(input), nodeHost(), {
    commit,
    ...(values['qemu-version'] ? { qemuVersion: values['qemu-version'] } : {}),
    ...(values['kernel-version'] ? { kernelVersion: values['kernel-version'] } : {}),
  });
  for (const d of reference.diagnostics) console.error(`${d.level} ${d.code} ${d.file}:${d.line} ${d.message}`);
  const kata1 = reference.layout.repository === 'kata-containers/packaging';
  if (!kata1 && reference.kernel) write('kata-kernel.json', reference.kernel, `${Object.keys(reference.kernel.fragments).length} fragments, ${reference.kernel.lints.length} lints`);
  if (reference.qemu) {
    const { qemu } = reference;
    const arches = Object.entries(qemu.options).map(([arch, flavors]) => `${arch} ${Object.keys(flavors).join('/')}`);
    write(kata1 ? 'kata1-qemu-build.json' : 'kata-qemu-build.json', qemu, `QEMU ${qemu.qemuVersion}; ${arches.join(', ')}; ${qemu.lints.length} lints`);
  }
} else {
  const kernelDir = input;
  const fragmentsDir = existsSync(join(kernelDir, 'configs/fragments')) ? join(kernelDir, 'configs/fragments') : join(kernelDir, 'fragments');
  if (!values.commit || !values['kernel-version']) {
    console.error('not a Kata checkout: pass --commit and --kernel-version');
    process.exit(2);
  }
  const data = await readKataKernel(resolve(fragmentsDir), nodeHost(), {
    repository: 'kata-containers/kata-containers',
    commit: values.commit,
    root: 'tools/packaging/kernel/configs/fragments',
    kernelVersion: values['kernel-version'],
    configVersion: readFileSync(join(kernelDir, 'kata_config_version'), 'utf8').trim(),
  });
  write('kata-kernel.json', data, `${Object.keys(data.fragments).length} fragments, ${data.lints.length} lints`);
}

function write(name, data, summary) {
  writeFileSync(out(name), compactJson(data));
  console.log(`wrote ${out(name)}: ${summary}`);
}

/** One entry per line (a fragment assignment, an option, a device), so that a profile update reads well in a diff. */
function compactJson(data) {
  const flat = (value) => Array.isArray(value) && value.every((v) => !Array.isArray(v) && (typeof v !== 'object' || v === null));
  const small = (value) => value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v !== 'object') && 'line' in value;
  const lines = JSON.stringify(data, (key, value) => (flat(value) || small(value) ? `\u0000${JSON.stringify(value)}` : value), 1);
  return `${lines.replace(/"\\u0000(.*)"(,?)$/gm, (_, inner, comma) => `${JSON.parse(`"${inner}"`)}${comma}`)}\n`;
}
