import { describe, expect, it } from 'vitest';
import { parseOption } from '../../../src/readers/qemu/parse-option.js';

describe('parseOption', () => {
  // [word, key, value, category]: spellings of QEMU's configure (qemu-sources.md §2.2)
  it.each([
    ['--enable-vhost-user', 'vhost_user', 'enabled', 'feature'],
    ['--disable-vhost-user', 'vhost_user', 'disabled', 'feature'],
    ['-Dvhost_user=enabled', 'vhost_user', 'enabled', 'feature'],
    ['-Dqom_cast_debug=false', 'qom_cast_debug', 'false', 'boolean'],
    ['--enable-fdt=system', 'fdt', 'system', 'combo'],
    ['--enable-slirp=system', 'slirp', 'system', 'combo'],
    ['--enable-malloc=tcmalloc', 'malloc', 'tcmalloc', 'combo'],
    ['--enable-tcmalloc', 'malloc', 'tcmalloc', 'combo'],
    ['--disable-blobs', 'install_blobs', 'disabled', 'feature'],
    ['--enable-trace-backend=dtrace', 'trace_backends', 'dtrace', 'diagnostics'],
    ['--enable-trace-backends=log,simple', 'trace_backends', 'log,simple', 'diagnostics'],
    ['--target-list=x86_64-softmmu', 'target_list', 'x86_64-softmmu', 'target'],
    ["--target-list=i386-softmmu x86_64-softmmu", 'target_list', 'i386-softmmu,x86_64-softmmu', 'target'],
    ['--target-list-exclude=moxie-softmmu', 'target_list_exclude', 'moxie-softmmu', 'target'],
    ['--audio-drv-list=', 'audio_drv_list', '', 'combo'],
    ['--audio-drv-list=pa,,alsa', 'audio_drv_list', 'pa,alsa', 'combo'],
    ['--extra-cflags= -O2 ', 'extra_cflags', '-O2', 'toolchain'],
    ['--prefix=/opt/kata', 'prefix', '/opt/kata', 'path'],
    ['--with-pkgversion=Debian', 'pkgversion', 'Debian', 'path'],
    ['--firmwarepath=/usr/share/qemu', 'qemu_firmwarepath', '/usr/share/qemu', 'path'],
    ['--static', 'static', 'true', 'hardening'],
    ['--disable-pie', 'pie', 'disabled', 'hardening'],
    ['--enable-lto', 'b_lto', 'enabled', 'hardening'],
    ['--without-default-features', 'default_features', 'false', 'boolean'],
    ['--without-default-devices', 'default_devices', 'false', 'device-selection'],
    ['--with-devices-x86_64=microvm', 'devices_x86_64', 'microvm', 'device-selection'],
    ['--disable-linux-user', 'linux_user', 'disabled', 'target'],
    ['--enable-debug', 'debug', 'enabled', 'diagnostics'],
  ])('%s → %s=%s (%s)', (word, key, value, category) => {
    expect(parseOption(word)).toMatchObject({ key, value, category });
  });

  // the negative twin: words that are not options
  it.each([['vhost-user'], ['-D'], ['--'], ['-Dnovalue'], ['run_configure'], ['']])('%j is not an option', (word) => {
    expect(parseOption(word)).toBeUndefined();
  });

  it('accumulates --extra-cflags and --extra-ldflags only', () => {
    expect(parseOption('--extra-ldflags=-z now')?.merge).toBe('accumulate');
    expect(parseOption('--enable-kvm')?.merge).toBe('last');
  });
});
