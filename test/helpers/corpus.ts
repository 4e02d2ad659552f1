/** The shared real-world corpus. Tests that need it fail loudly when it is not there. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const PROJECT = fileURLToPath(new URL('../..', import.meta.url));
export const CORPUS = join(PROJECT, '..', 'shared', 'corpus');
export const FIXTURES = join(PROJECT, 'fixtures');

/** Absolute path of a corpus file; throws with a clear message when the corpus is missing. */
export function corpus(path: string): string {
  const full = join(CORPUS, path);
  if (!existsSync(full)) throw new Error(`corpus file missing: ${full} (tests read ../shared/corpus next to the project)`);
  return full;
}

export function fixture(path: string): string {
  return join(FIXTURES, path);
}

export const KATA_FRAGMENTS = 'kernel/kata/fragments';
export const DEBIAN_AMD64 = 'kernel/debian/config-6.12.117-amd64';
export const DEBIAN_CLOUD = 'kernel/debian/config-6.12.117-cloud-amd64';
export const FEDORA_X86 = 'kernel/fedora/kernel-7.2.0-rc6-x86_64-fedora.config';
export const UBUNTU_TESTS = 'kernel/ubuntu/annotations-tests';
export const DEBIAN_LAYERED = 'kernel/debian/layered-6.0rc4';
export const REDHAT_CONFIGS = 'kernel/redhat-configs';

/** The corpus dumps of configure-hypervisor.sh -ds kata-qemu ARCH: reference, arch, dump name. */
export const KATA_DUMPS: readonly (readonly [string, string, string])[] = [
  ['kata', 'x86_64', 'kata-qemu-11.0.1-static-x86_64'],
  ['kata', 'aarch64', 'kata-qemu-11.0.1-static-aarch64'],
  ['kata', 's390x', 'kata-qemu-11.0.1-static-s390x'],
  ['kata', 'ppc64le', 'kata-qemu-11.0.1-static-ppc64le'],
  ['kata-1.x', 'x86_64', 'kata-1.x-qemu-5.0.0-static-x86_64'],
];

/** A dump's lines: the option lines (`tags<TAB><TAB>option`), and the tags legend of its header. */
export function kataDump(name: string): { options: string[]; tags: Record<string, string> } {
  const lines = readFileSync(corpus(`qemu/kata-flags/${name}.dump`), 'utf8').split('\n');
  const tags: Record<string, string> = {};
  for (const line of lines) {
    const legend = /^#\s+(\S+)\t(.*)\.$/.exec(line);
    if (legend) tags[legend[1]!] = legend[2]!;
  }
  return { options: lines.filter((l) => l.includes('\t\t') && !l.startsWith('#')), tags };
}
