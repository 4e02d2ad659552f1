/** debian/rules read on a packaging of our own: builds per arch, origins, options, and nothing run. */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../src/cli/node-host.js';
import { InputError } from '../../../src/model/diagnostic.js';
import { loadDebianRules } from '../../../src/readers/debian/load-debian-rules.js';
import { normalizeBuild } from '../../../src/readers/qemu/normalize-build.js';
import { tempDir } from '../../helpers/temp-dir.js';

const TREE = 'fixtures/debian/qemu-like';
const RULES = `${TREE}/debian/rules`;
const read = (arch: string, options = {}) => loadDebianRules(TREE, nodeHost(), { arches: [arch], ...options }).then((r) => r[0]!);
const words = (reading: Awaited<ReturnType<typeof read>>, id: string) => reading.builds.find((b) => b.id === id)!.argv.map((a) => a.text);

describe('debian/rules of our own', () => {
  it('runs on each arch the builds build-arch reaches there, with that arch’s options', async () => {
    const amd64 = await read('x86_64');
    expect(amd64.builds.map((b) => b.id)).toEqual(['b/main', 'b/tiny']);
    expect(words(amd64, 'b/main')).toEqual(['--prefix=/usr', '--with-pkgversion=debian 1:9.2.0+ds-1', '--disable-docs', '--enable-system', '--extra-cflags=', '', '--enable-kvm', '--target-list=x86_64-softmmu']);
    const arm64 = await read('arm64');
    expect(arm64.builds.map((b) => b.id)).toEqual(['b/main']);
    expect(words(arm64, 'b/main').slice(-2)).toEqual(['--enable-kvm', '--target-list=aarch64-softmmu']);
    // qemu-system-demo is built for amd64 and arm64 only (debian/control), so dh_listpackages leaves it out.
    expect(words(await read('s390x'), 'b/main')).toContain('--disable-system');
    expect(amd64.version).toBe('9.2.0');
    expect(amd64.installed).toBe('first');
  });

  it('says where each word was written, through the variables it came through', async () => {
    const main = (await read('x86_64')).builds[0]!;
    const prefix = main.argv.find((a) => a.text === '--prefix=/usr')!;
    expect(prefix.origin).toEqual({ file: RULES, line: 14, via: [{ file: RULES, line: 30, name: 'common_opts' }] });
    const kvm = main.argv.find((a) => a.text === '--enable-kvm')!;
    expect(kvm.origin).toEqual({ file: `${TREE}/debian/options.mk`, line: 3, via: [{ file: RULES, line: 34, name: 'per_arch_opts' }] });
    expect(main.argv.find((a) => a.text === '--enable-system')!.origin.line).toBe(31);
  });

  it('runs no command: $(shell ...) is unknown, with a diagnostic at its line', async () => {
    const reading = await read('x86_64');
    expect(existsSync(join(TREE, 'flagdiff-ran-a-command'))).toBe(false);
    expect(existsSync('flagdiff-ran-a-command')).toBe(false);
    const unknown = reading.builds[0]!.argv.find((a) => a.unknown);
    expect(unknown?.unknown).toMatch(/\$\(shell uname -m\) is a command; flagdiff does not run it/);
    expect(reading.diagnostics.filter((d) => d.code === 'FD324').map((d) => d.line)).toEqual([25, 33]);
  });

  it("leaves dpkg-buildflags' compiler flags unknown without a warning: they decide no compared option", async () => {
    // build-only includes dpkg's default.mk, whose buildflags part runs dpkg-buildflags --get CFLAGS.
    const tree = tempDir('flagdiff-buildflags-');
    cpSync('fixtures/debian/build-only', tree, { recursive: true });
    const rules = join(tree, 'debian', 'rules');
    writeFileSync(rules, readFileSync(rules, 'utf8').replace('--extra-cflags="$(OPT)"', '--extra-cflags="$(CFLAGS) $(OPT)"'));
    const reading = (await loadDebianRules(tree, nodeHost(), { arches: ['x86_64'] }))[0]!;
    expect(reading.diagnostics.filter((d) => d.code === 'FD324')).toEqual([]);
    const cflags = reading.builds[0]!.argv.find((a) => a.text.startsWith('--extra-cflags='))!;
    expect(cflags.unknown).toBe("CFLAGS from dpkg-buildflags, the build machine's compiler flags");
    expect(normalizeBuild(reading.builds[0]!).diagnostics.map((d) => `${d.code} ${d.level} ${d.message}`)).toEqual([
      `FD340 info "--extra-cflags= -O2" is not evaluated statically (${cflags.unknown}); extra_cflags is unknown (a toolchain option, not compared)`,
    ]);
  });

  it('takes the vendor and the build profiles dpkg-buildpackage would be given', async () => {
    const ubuntu = await read('x86_64', { vendor: 'ubuntu' });
    expect(words(ubuntu, 'b/main')).toEqual(expect.arrayContaining(['--with-pkgversion=ubuntu 1:9.2.0+ds-1', '--enable-ubuntu-only']));
    expect(words(await read('x86_64', { profiles: ['pkg.demo.no-system'] }), 'b/main')).toContain('--disable-system');
  });

  it('gives a build the device file its recipe copies into the tree', async () => {
    const tiny = (await read('x86_64')).builds[1]!;
    expect(tiny.devices).toEqual([{ target: 'x86_64-softmmu', name: 'tiny', mode: 'replace', file: `${TREE}/debian/tiny-devices.mak` }]);
  });

  it('reads the same from the tree, its debian directory or its rules file', async () => {
    const ids = async (path: string) => (await loadDebianRules(path, nodeHost()))[0]!.builds.map((b) => `${b.id} ${b.argv.length}`);
    expect(await ids(`${TREE}/debian`)).toEqual(await ids(TREE));
    expect(await ids(RULES)).toEqual(await ids(TREE));
  });
});

describe('debian/rules that hands its targets to dh', () => {
  const DH = 'fixtures/debian/dh-style';
  it('runs dh\'s configure step: the override with debhelper\'s options first, in dh\'s build directory', async () => {
    const [reading] = await loadDebianRules(DH, nodeHost(), { arches: ['x86_64'] });
    const [build] = reading!.builds;
    expect(reading!.builds.map((b) => b.id)).toEqual(['build']);
    expect(build!.argv.map((a) => a.text).slice(0, 2)).toEqual(['--build=x86_64-linux-gnu', '--prefix=/usr']);
    // debhelper's own options are said to be written where the rules run dh, through the override's call.
    expect(build!.argv[1]!.origin).toEqual({ file: `${DH}/debian/rules`, line: 8, via: [{ file: `${DH}/debian/rules`, line: 15, name: 'dh_auto_configure' }] });
    expect(build!.argv.find((a) => a.text === '--enable-vhost-user')!.origin).toEqual({ file: `${DH}/debian/rules`, line: 18 });
    // execute_before_dh_auto_configure copied the device file in first.
    expect(build!.devices).toEqual([{ target: 'x86_64-softmmu', name: 'demo', mode: 'replace', file: `${DH}/debian/demo-devices.mak` }]);
  });

  it('takes debhelper\'s options for the compat level, from debian/compat when control has none', async () => {
    const [reading] = await loadDebianRules('fixtures/debian/dh-plain', nodeHost(), { arches: ['aarch64'] });
    const words = reading!.builds[0]!.argv.map((a) => a.text);
    expect(words).toContain('--libexecdir=${prefix}/lib/aarch64-linux-gnu'); // compat 11 and below
    expect(words).not.toContain('--runstatedir=/run'); // compat 11 and above
  });
});

describe('debian/rules that cannot be read as asked', () => {
  function tree(rules: string, extra: Record<string, string> = {}): string {
    const dir = tempDir('flagdiff-rules-');
    cpSync(`${TREE}/debian`, join(dir, 'debian'), { recursive: true });
    writeFileSync(join(dir, 'debian/rules'), rules);
    for (const [name, text] of Object.entries(extra)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }

  it('reads no include outside the source tree', async () => {
    const dir = tree('include ../secret.mk\nbuild-arch:\n\t./configure $(SECRET)\n', { '../secret.mk': 'SECRET = --leaked\n' });
    const [reading] = await loadDebianRules(dir, nodeHost());
    expect(reading!.builds[0]!.argv).toEqual([]);
    expect(reading!.diagnostics.map((d) => d.code)).toContain('FD325');
    expect(reading!.diagnostics.find((d) => d.code === 'FD325')!.message).toMatch(/include \.\.\/secret\.mk: .*outside/);
  });

  it('includes the files a pattern names in a directory of the tree, and lists it for $(wildcard)', async () => {
    const dir = tree('include debian/rules.d/*.mk\nbuild-arch:\n\t./configure $(FLAGS) --patches="$(wildcard debian/patches/*.diff)"\n', {
      'debian/rules.d/10-base.mk': 'FLAGS = --enable-kvm\n',
      'debian/rules.d/20-more.mk': 'FLAGS += --enable-vhost-user\n',
      'debian/patches/b.diff': '',
      'debian/patches/a.diff': '',
    });
    const [reading] = await loadDebianRules(dir, nodeHost());
    expect(reading!.builds[0]!.argv.map((a) => a.text)).toEqual(['--enable-kvm', '--enable-vhost-user', '--patches=debian/patches/a.diff debian/patches/b.diff']);
    expect(reading!.builds[0]!.argv[1]!.origin).toEqual({ file: join(dir, 'debian/rules.d/20-more.mk'), line: 1, via: [{ file: join(dir, 'debian/rules'), line: 3, name: 'FLAGS' }] });
    expect(reading!.diagnostics).toEqual([]);
  });

  it('reads no include by an absolute path but dpkg’s own makefiles, which it knows', async () => {
    const [reading] = await loadDebianRules(tree('include /etc/os-release\nbuild-arch:\n\t./configure\n'), nodeHost());
    expect(reading!.diagnostics.find((d) => d.code === 'FD325')!.message).toBe('include /etc/os-release: outside the source tree; not read');
  });

  it('stops where make stops, at $(error ...)', async () => {
    const [reading] = await loadDebianRules(tree('$(error not ready)\nbuild-arch:\n\t./configure --never\n'), nodeHost());
    expect(reading!.builds).toEqual([]);
    expect(reading!.diagnostics.map((d) => [d.code, d.line])).toEqual([['FD325', 1], ['FD192', 0]]);
  });

  it('says so when no build target or no configure is found', async () => {
    const [none] = await loadDebianRules(tree('clean:\n\trm -rf b\n'), nodeHost());
    expect(none!.diagnostics.map((d) => d.code)).toEqual(['FD192']);
    const [noConfigure] = await loadDebianRules(tree('build-arch:\n\tninja -C b\n'), nodeHost());
    expect(noConfigure!.diagnostics.map((d) => [d.code, d.line])).toEqual([['FD192', 1]]);
  });

  it('refuses an arch Debian does not build for, and a directory without debian/rules', async () => {
    await expect(loadDebianRules(TREE, nodeHost(), { arches: ['vax'] })).rejects.toThrow(InputError);
    await expect(loadDebianRules('fixtures', nodeHost())).rejects.toThrow(/without debian\/rules/);
  });
});
