import { describe, expect, it } from 'vitest';
import { archOfBinary } from '../../src/cli/qemu-probe.js';

describe('archOfBinary', () => {
  it.each([
    // path, host arch, arch compared
    ['/usr/bin/qemu-system-x86_64', 'aarch64', 'x86_64'],
    ['/usr/bin/qemu-system-aarch64', 'x86_64', 'aarch64'],
    ['/usr/bin/qemu-system-ppc64', 'x86_64', 'ppc64le'],
    ['/usr/libexec/qemu-kvm', 's390x', 's390x'], // RHEL's binary emulates the machine it is built for
    ['qemu-kvm', 'aarch64', 'aarch64'],
    ['/opt/kata/bin/qemu', 'x86_64', undefined],
    ['/usr/bin/not-qemu-kvm-wrapper', 'x86_64', undefined],
  ])('%s on %s: %s', (path, host, arch) => {
    expect(archOfBinary(path, host)).toBe(arch);
  });
});
