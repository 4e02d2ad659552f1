// The symbol-to-module map against the kernel's own kbuild files, read here with tar and a plain
// search of each Makefile line: `obj-$(CONFIG_X) += name.o` is what makes name.ko.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KERNEL_MODULES_SOURCE, kernelModuleNames } from '../../src/knowledge/kernel-module-names.js';
import { ORACLES_REQUIRED } from '../helpers/oracles.js';
import { tempDir } from '../helpers/temp-dir.js';

const TARBALL = '/usr/src/linux-source-6.12.tar.xz';
const present = existsSync(TARBALL);
if (ORACLES_REQUIRED && !present) throw new Error(`${TARBALL} missing: install Debian package linux-source-6.12 (as .ci/run does)`);

const CASES = [
  // symbol, kbuild file that builds its module
  ['CONFIG_VIRTIO_BLK', 'drivers/block/Makefile'],
  ['CONFIG_VIRTIO_FS', 'fs/fuse/Makefile'],
  ['CONFIG_VIRTIO_VSOCKETS', 'net/vmw_vsock/Makefile'],
  ['CONFIG_NET_9P_VIRTIO', 'net/9p/Makefile'],
  ['CONFIG_NF_TABLES', 'net/netfilter/Makefile'],
] as const;

describe('kernelModuleNames', () => {
  it('names the kernel tree it was read from, and knows nothing of other symbols', () => {
    expect(KERNEL_MODULES_SOURCE).toContain('linux-source-6.12');
    expect(kernelModuleNames('CONFIG_NOT_A_SYMBOL')).toBeUndefined();
    expect(kernelModuleNames('toString')).toBeUndefined();
  });

  describe.skipIf(!present)(`against ${TARBALL}${present ? '' : ' (skipped: install linux-source-6.12)'}`, () => {
    const dir = tempDir('flagdiff-kbuild-');
    // One pass over the 150 MB tarball for all the Makefiles.
    beforeAll(() => {
      execFileSync('tar', ['-xJf', TARBALL, '-C', dir, ...CASES.map(([, path]) => `linux-source-6.12/${path}`)]);
    }, 120_000);

    it.each(CASES)('%s builds what %s says', (key, path) => {
      const text = readFileSync(join(dir, 'linux-source-6.12', path), 'utf8');
      const line = text.split('\n').find((l) => l.startsWith(`obj-$(${key})`))!;
      const built = line.split(/[+:]?=/)[1]!.trim().split(/\s+/).filter((o) => o.endsWith('.o')).map((o) => o.slice(0, -2).replaceAll('-', '_'));
      expect(kernelModuleNames(key)).toEqual(built);
    });
  });
});
