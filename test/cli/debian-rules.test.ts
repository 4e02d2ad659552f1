// `flagdiff qemu` and `flagdiff show` on Debian's packaging: debian/rules, its directory or the tree.
import { copyFileSync, cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/model/report.js';
import { debianPackaging, debianPackagingMissing } from '../helpers/debian-packaging.js';
import { qemu100, qemu100Missing } from '../helpers/minikconf.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const TREE = 'fixtures/debian/qemu-like';
const RULES = `${TREE}/debian/rules`;

describe('flagdiff qemu on debian/rules', () => {
  it('compares the first build that makes qemu-system-ARCH, the one Debian installs under that name', async () => {
    const run = await runCli(['qemu', TREE, '--format', 'json', '--fail-on', 'never']);
    expect(run.code).toBe(0);
    const [report] = (JSON.parse(run.stdout) as ReportDocument).reports;
    expect(report!.candidate).toMatchObject({ source: RULES, build: 'b/main', version: '9.2.0' });
    const note = report!.diagnostics.find((d) => d.code === 'FD190')!;
    expect(note.message).toContain('compared b/main, the first of its builds that makes qemu-system-x86_64');
    expect(note.message).toContain('b/tiny (qemu-system-x86_64)');
  });

  it('compares another build with --build, per arch with --arch', async () => {
    const run = await runCli(['qemu', RULES, '--build', 'b/tiny', '--format', 'json', '--fail-on', 'never']);
    expect((JSON.parse(run.stdout) as ReportDocument).reports[0]!.candidate.build).toBe('b/tiny');
    const arm = await runCli(['qemu', RULES, '--arch', 'aarch64', '--format', 'json', '--fail-on', 'never']);
    expect((JSON.parse(arm.stdout) as ReportDocument).reports.map((r) => [r.arch, r.candidate.build])).toEqual([['aarch64', 'b/main']]);
  });

  it("accepts an option the packaging's own patch adds to configure (FD249), and still refuses one no patch adds (FD234)", async () => {
    const run = await runCli(['qemu', 'fixtures/debian/patched', '--format', 'json', '--fail-on', 'never']);
    const report = (JSON.parse(run.stdout) as ReportDocument).reports[0]!;
    expect(report.diagnostics.filter((d) => d.code === 'FD249').map((d) => d.line)).toEqual([22, 23]);
    expect(report.diagnostics.find((d) => d.code === 'FD249')!.message).toContain('add-distro-release-option.patch:16');
    expect(report.findings.filter((f) => f.code === 'FD234').map((f) => f.key)).toEqual(['--enable-not-patched-in']);
  });

  it.each([
    [['qemu', RULES, '--define', 'fedora=39'], 'are read by spec files; the recipe is debian/rules'],
    [['qemu', RULES, '--load', 'fixtures/rpm/macros/distro.macros'], '--load, --define, --with and --without are read by spec files; the recipe is debian/rules'],
    [['qemu', 'kata', '--load', 'fixtures/rpm/macros/distro.macros'], 'are read by recipes (spec files, debian/rules)'],
    [['qemu', 'fixtures/rpm/with-distro-macros.spec', '--load', 'fixtures/rpm/macros/no-such.macros'], 'fixtures/rpm/macros/no-such.macros: no such file (a macro file given with --load)'],
    [['qemu', 'fixtures/rpm/fedora-like.spec', '--vendor', 'ubuntu'], 'are read by debian/rules; the recipe is a spec file'],
    [['qemu', RULES, '--vendor', 'suse'], '--vendor must be one of debian, ubuntu'],
    [['qemu', 'kata', '--profile', 'nocheck'], 'are read by recipes (spec files, debian/rules)'],
  ])('%j → exit 2', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('flagdiff qemu on Debian\'s QEMU sources (apt-get source qemu)', () => {
  const debian = debianPackaging('10.0');
  const missing = !debian ? debianPackagingMissing('10.0') : !qemu100 ? qemu100Missing : undefined;
  it.skipIf(missing !== undefined)(`reads the tree's Kconfig for the devices, as --qemu-tree would (${missing ?? 'trees found'})`, async () => {
    // QEMU 10.0's tree with Debian's packaging inside, as apt-get source unpacks it.
    const tree = join(tempDir('flagdiff-qemu-src-'), 'qemu-10.0.13+ds');
    cpSync(qemu100!, tree, { recursive: true });
    cpSync(debian!, join(tree, 'debian'), { recursive: true });
    const compare = async (...extra: string[]) => {
      const run = await runCli(['qemu', '--build', 'b/microvm', '--format', 'json', '--fail-on', 'never', ...extra, tree]);
      return (JSON.parse(run.stdout) as ReportDocument).reports[0]!.findings.map((f) => `${f.kind} ${f.key} ${String(f.have)}`);
    };
    const findings = await compare();
    // Debian's microvm device file leaves out what Kata's runtime needs: decided by the Kconfig, not unknown.
    expect(findings).toContain('missing CONFIG_VHOST_USER_FS n');
    expect(findings.filter((f) => f.startsWith('unknown CONFIG_'))).toEqual([]);
    expect(findings).toEqual(await compare('--qemu-tree', tree));
    // Named by its rules file, the packaging is still inside the tree.
    const byRules = await runCli(['qemu', '--build', 'b/microvm', '--format', 'json', '--fail-on', 'never', join(tree, 'debian/rules')]);
    expect((JSON.parse(byRules.stdout) as ReportDocument).reports[0]!.findings.map((f) => `${f.kind} ${f.key} ${String(f.have)}`)).toEqual(findings);
  });
});

describe('flagdiff show on debian/rules', () => {
  it('prints each arch’s builds, every word with its line in the rules, the included makefile or debian/control', async () => {
    const run = await runCli(['show', RULES, '--arch', 'x86_64', '--vendor', 'ubuntu']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`# ${RULES}: x86_64, 2 builds`);
    expect(run.stdout).toMatch(/--enable-kvm +fixtures\/debian\/qemu-like\/debian\/options\.mk:3 via per_arch_opts at fixtures\/debian\/qemu-like\/debian\/rules:34/);
    expect(run.stdout).toMatch(/--enable-ubuntu-only +fixtures\/debian\/qemu-like\/debian\/rules:19 via common_opts at :30/);
    // The device file a build copies in, as flagdiff qemu --devices would take it.
    expect(run.stdout).toContain('## b/tiny: configure, 6 arguments, fixtures/debian/qemu-like/debian/rules:41\n  devices x86_64-softmmu/tiny=fixtures/debian/qemu-like/debian/tiny-devices.mak\n');
  });

  it('says which configure options the packaging’s patches add, at their patch lines', async () => {
    const run = await runCli(['show', 'fixtures/debian/patched/debian/rules', '--arch', 'x86_64']);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('# a patch adds'))).toEqual([
      '# a patch adds --with-distro-release=* to configure, fixtures/debian/patched/debian/patches/add-distro-release-option.patch:16',
      '# a patch adds --enable-distro-hardening to configure, fixtures/debian/patched/debian/patches/add-distro-release-option.patch:18',
      '# a patch adds --disable-distro-hardening to configure, fixtures/debian/patched/debian/patches/add-distro-release-option.patch:18',
    ]);
  });

  it('reads a directory as Debian’s packaging only with --domain qemu: a kernel tree has a debian/rules too', async () => {
    expect((await runCli(['show', TREE, '--domain', 'qemu', '--arch', 'aarch64'])).stdout).toContain('aarch64, 1 build');
    const kernel = await runCli(['show', TREE]);
    expect(kernel.code).toBe(2);
  });
});

describe('debian/rules that is not one', () => {
  function packaging(rules: (file: string) => void): string {
    const debian = join(tempDir('flagdiff-bad-rules-'), 'debian');
    mkdirSync(debian);
    copyFileSync(`${TREE}/debian/control`, join(debian, 'control'));
    rules(join(debian, 'rules'));
    return join(debian, 'rules');
  }

  it.each([
    ['a binary file', (file: string) => writeFileSync(file, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 0, 0])), 'binary file'],
    ['a link out of the tree', (file: string) => symlinkSync('/etc/passwd', file), 'outside'],
  ])('%s: exit 2 and one line naming it', async (_, make, message) => {
    const rules = packaging(make);
    const run = await runCli(['show', rules]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
  });
});
