/** debian/control made from control-in for a vendor, as the rules' sed makes it, line for line. */
import { describe, expect, it } from 'vitest';
import { parseDebianControl } from '../../../src/readers/debian/debian-control.js';
import { controlForVendor } from '../../../src/readers/debian/vendor-control.js';

const TEMPLATE = [
  'Source: qemu-demo',
  ':debian:Maintainer: Debian Team <debian@example.org>',
  ':ubuntu:Maintainer: Ubuntu Team <ubuntu@example.org>',
  '# --enable-kvm\t:system-arch:',
  ':debian:# --enable-debian-only',
  ':ubuntu:# --enable-ubuntu-only\tamd64',
  '',
  'Package: qemu-demo',
  'Architecture: :system-arch:',
  ':ubuntu:',
  ':ubuntu:Package: qemu-demo-ubuntu',
  ':ubuntu:Architecture: any',
].join('\n');
const VALUES: Record<string, string> = { 'system-arch': 'amd64 arm64' };

describe('control-in made for a vendor', () => {
  it('keeps the vendor’s lines, drops the others’, fills the placeholders, and keeps every line number', () => {
    const made = controlForVendor(TEMPLATE, 'ubuntu', (name) => VALUES[name]);
    expect(made.split('\n')).toHaveLength(TEMPLATE.split('\n').length);
    const control = parseDebianControl(made, 'control-in');
    expect(control.packages.map((p) => [p.name, p.architecture.join(' '), p.line])).toEqual([
      ['qemu-demo', 'amd64 arm64', 8],
      ['qemu-demo-ubuntu', 'any', 11],
    ]);
    expect(control.configOptions.map((o) => [o.flags.join(' '), o.patterns.join(' '), o.line])).toEqual([
      ['--enable-kvm', 'amd64 arm64', 4],
      ['--enable-ubuntu-only', 'amd64', 6],
    ]);
  });

  it('for Debian, drops Ubuntu’s lines; a placeholder the rules do not name stays as written', () => {
    const control = parseDebianControl(controlForVendor(TEMPLATE, 'debian', () => undefined), 'control-in');
    expect(control.packages.map((p) => p.name)).toEqual(['qemu-demo']);
    expect(control.packages[0]!.architecture).toEqual([':system-arch:']);
    expect(control.configOptions.map((o) => o.flags.join(' '))).toEqual(['--enable-kvm', '--enable-debian-only']);
  });
});
