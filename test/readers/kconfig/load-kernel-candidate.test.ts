// A kernel candidate in whatever shape it comes: detected from what is there, or named.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectKernelLayout, loadKernelCandidate } from '../../../src/readers/kconfig/load-kernel-candidate.js';
import { memoryHost } from '../../helpers/memory-host.js';

const ANNOTATIONS = "# Menu: HEADER\n# FORMAT: 4\n# ARCH: amd64 arm64\n# FLAVOUR: amd64-generic arm64-generic\n\nCONFIG_A policy<{'amd64': 'y', 'arm64': 'm'}>\n";
const host = memoryHost({
  'config': '# Linux/x86 6.12.0 Kernel Configuration\nCONFIG_A=y\n',
  'config.gz': gzipSync('CONFIG_A=y\n'),
  'ubuntu/debian.master/config/annotations': ANNOTATIONS,
  'kernel-ark/redhat/configs/priority.fedora': 'ORDER=common\nx86_64=generic\n',
  'kernel-ark/redhat/configs/common/generic/CONFIG_A': 'CONFIG_A=m\n',
  'linux/debian/config/defines': '[base]\narches: amd64\n',
  'linux/debian/config/amd64/defines': '[base]\nflavours: amd64\nkernel-arch: x86\n',
  'linux/debian/config/config': 'CONFIG_A=y\n',
  'linux/debian/config/amd64/config': '# CONFIG_A is not set\n',
  'empty/README': 'nothing here\n',
});

describe('detectKernelLayout', () => {
  it.each([
    // path, layout, root
    ['config', 'config', 'config'],
    ['config.gz', 'config', 'config.gz'],
    ['ubuntu/debian.master/config/annotations', 'ubuntu-annotations', 'ubuntu/debian.master/config/annotations'],
    ['ubuntu/debian.master', 'ubuntu-annotations', 'ubuntu/debian.master/config/annotations'],
    ['kernel-ark', 'redhat-configs', 'kernel-ark/redhat/configs'],
    ['kernel-ark/redhat/configs', 'redhat-configs', 'kernel-ark/redhat/configs'],
    ['linux', 'debian-config', 'linux/debian/config'],
    ['linux/debian/config', 'debian-config', 'linux/debian/config'],
  ])('%s is %s at %s', async (path, layout, root) => {
    expect(await detectKernelLayout(path, host)).toEqual({ layout, root });
  });

  it('refuses a directory holding no known tree, naming what it looked for', async () => {
    await expect(detectKernelLayout('empty', host)).rejects.toThrow('is a directory; give a kernel config file');
  });
});

describe('loadKernelCandidate', () => {
  it.each([
    // path, options, CONFIG_A, variant
    ['ubuntu/debian.master', { arch: 'aarch64' as const }, 'm', 'arm64-generic'],
    ['ubuntu/debian.master', { variant: 'amd64-generic' }, 'y', 'amd64-generic'],
    ['kernel-ark', { arch: 'x86_64' as const }, 'm', 'x86_64-fedora'],
    ['linux', { arch: 'x86_64' as const }, 'n', 'amd64_none_amd64'],
    ['config', {}, 'y', undefined],
  ])('%s with %j: CONFIG_A=%s (%s)', async (path, options, value, variant) => {
    const set = await loadKernelCandidate(path, host, options);
    expect(set.settings.get('CONFIG_A')?.value).toBe(value);
    expect(set.meta.variant).toBe(variant);
  });

  it('reads a file as the layout named, without detecting', async () => {
    await expect(loadKernelCandidate('ubuntu/debian.master/config/annotations', host, { layout: 'config' })).rejects.toThrow('no CONFIG_ setting found');
  });

  it.each([
    // path, message
    ['kernel-ark', 'name the variant (x86_64-debug-fedora) or the arch'],
    ['ubuntu/debian.master', 'name the arch (--arch) or the variant (amd64-generic)'],
    ['linux', 'name the arch (--arch) or the variant (amd64_none_amd64)'],
  ])('asks for the arch of %s when nothing names it', async (path, message) => {
    await expect(loadKernelCandidate(path, host)).rejects.toThrow(message);
  });
});
