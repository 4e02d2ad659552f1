// Kata 1.x's device lists (the corpus copies of packaging's qemu/default-configs), laid out as in the
// packaging checkout: each arch's target file, includes read in place, every setting with its file and line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDefaultConfigs } from '../../../src/readers/kata/read-default-configs.js';
import { corpus } from '../../helpers/corpus.js';
import { memoryHost } from '../../helpers/memory-host.js';

const DIR = 'qemu/default-configs';
const files = Object.fromEntries(
  ['i386-softmmu.mak', 'arm-softmmu.mak', 'aarch64-softmmu.mak', 'arm-softmmu.mak.virt'].map((name) => [`p/${DIR}/${name}`, readFileSync(corpus(`qemu/devices/kata-1.x-${name}`), 'utf8')]),
);
const host = memoryHost(files);

/** `CONFIG_X=v` lines of a file in order, with 1-based line numbers, read here with a regular expression. */
function settingsOf(name: string): string[] {
  return files[`p/${DIR}/${name}`]!.split('\n').flatMap((line, i) => (/^CONFIG_\w+=[yn]$/.test(line) ? [`${line}@${DIR}/${name}:${i + 1}`] : []));
}

describe('readDefaultConfigs', () => {
  it.each([
    // arch, target, the files whose settings make its list, in order
    ['x86_64', 'i386-softmmu', ['i386-softmmu.mak']],
    ['aarch64', 'aarch64-softmmu', ['arm-softmmu.mak', 'aarch64-softmmu.mak']],
  ])('%s: %s', async (arch, target, names) => {
    const list = await readDefaultConfigs('p', DIR, arch, host);
    expect(list?.target).toBe(target);
    expect(list?.entries.map((e) => `${e.key}=${e.value}@${e.file}:${e.line}`)).toEqual(names.flatMap(settingsOf));
    expect(list?.diagnostics).toEqual([]);
  });

  it.each(['ppc64le', 's390x', 'riscv64'])('%s: no list of Kata\'s, QEMU\'s own defaults apply', async (arch) => {
    expect(await readDefaultConfigs('p', DIR, arch, host)).toBeUndefined();
  });

  it('reports an include it cannot follow', async () => {
    const list = await readDefaultConfigs('p', DIR, 'x86_64', memoryHost({ [`p/${DIR}/i386-softmmu.mak`]: 'include pci.mak\nCONFIG_Q35=y\ninclude ../x.mak\nbogus\nCONFIG_AFTER=y\n' }));
    // minikconf stops at the first line it cannot parse: CONFIG_AFTER is never read.
    expect(list?.entries.map((e) => e.key)).toEqual(['CONFIG_Q35']);
    expect(list?.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`)).toEqual([`FD113 ${DIR}/pci.mak:0`, `FD113 ${DIR}/../x.mak:0`, `FD101 ${DIR}/i386-softmmu.mak:4`]);
  });
});
