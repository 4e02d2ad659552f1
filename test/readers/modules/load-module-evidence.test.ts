// Module evidence: dracut drivers lines and module lists, normalised as modprobe matches names.
import { describe, expect, it } from 'vitest';
import { moduleName } from '../../../src/model/module-evidence.js';
import { loadModuleEvidence } from '../../../src/readers/modules/load-module-evidence.js';
import { memoryHost } from '../../helpers/memory-host.js';

describe('moduleName', () => {
  it.each([
    // written, module
    ['virtio_blk', 'virtio_blk'],
    ['virtio-blk', 'virtio_blk'],
    ['usr/lib/modules/6.12.0/kernel/fs/fuse/virtiofs.ko.xz', 'virtiofs'],
    ['9pnet_virtio.ko.zst', '9pnet_virtio'],
    ['vsock.ko', 'vsock'],
  ])('%s is %s', (written, name) => {
    expect(moduleName(written)).toBe(name);
  });
});

describe('loadModuleEvidence', () => {
  const host = memoryHost({
    'kata.conf': '# dracut.conf.d\nadd_drivers+=" virtio_blk virtio-net "\nforce_drivers+=\'vsock\'\nfilesystems+=" virtiofs "\ndrivers="$(cat list)"\nhostonly=no\n',
    'lsinitramfs.txt': 'usr/bin/sh\nusr/lib/modules/6.12.0/kernel/net/9p/9pnet_virtio.ko.xz\nusr/lib/modules/6.12.0/modules.dep\n',
    'modules': '# /etc/initramfs-tools/modules\nvirtio_console\nvirtio_scsi max_luns=1\n',
  });

  it('takes the literal words of dracut drivers lines, and reports what the shell would compute', async () => {
    const { evidence, diagnostics } = await loadModuleEvidence(['kata.conf'], host);
    expect([...evidence.modules.keys()]).toEqual(['virtio_blk', 'virtio_net', 'vsock', 'virtiofs']);
    expect(evidence.modules.get('vsock')).toEqual({ file: 'kata.conf', line: 3 });
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['FD156', 5], ['FD156', 6]]);
  });

  it('takes module files from an lsinitramfs listing and names from a modules file, skipping other files', async () => {
    const { evidence, diagnostics } = await loadModuleEvidence(['lsinitramfs.txt', 'modules'], host);
    expect([...evidence.modules.keys()]).toEqual(['9pnet_virtio', 'virtio_console', 'virtio_scsi']);
    expect(evidence.sources).toEqual(['lsinitramfs.txt', 'modules']);
    expect(diagnostics).toEqual([]);
  });
});
