import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { closeSync, ftruncateSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { kataQemuReference } from '../../src/knowledge/kata-qemu-profile.js';
import type { ReportDocument } from '../../src/model/report.js';
import { corpus, fixture } from '../helpers/corpus.js';
import { qemu100, qemu100Missing } from '../helpers/minikconf.js';
import { qemuX86, qemuX86Missing } from '../helpers/qemu-binary.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

describe.skipIf(!qemuX86)(`flagdiff qemu on Debian's binary (${qemuX86 ? 'present' : qemuX86Missing})`, () => {
  it('reports Kata x86_64 verify list device by device, as build-qemu.sh verify_devices would', async () => {
    const run = await runCli(['qemu', '--format', 'json', qemuX86!]);
    const document = JSON.parse(run.stdout) as ReportDocument;
    const report = document.reports[0]!;
    // Oracle: the binary's own -device/-object/-machine help, matched the way Kata's verify_devices
    // does (grep 'name "X"'), verify_objects (a line that is the name) and a machine line starting with it.
    const help = (what: string) => execFileSync(qemuX86!, [`-${what}`, 'help'], { encoding: 'utf8' });
    const [devices, objects, machines] = [help('device'), help('object'), help('machine')];
    const kata = kataQemuReference('x86_64');
    const expected = [
      ...kata.devices.filter((d) => !devices.includes(`name "${d.name}"`)).map((d) => ['FD239', d.name]),
      ...kata.machines.filter((m) => !machines.split('\n').some((l) => l.startsWith(`${m.name} `))).map((m) => ['FD240', m.name]),
      ...kata.objects.filter((o) => !objects.split('\n').some((l) => l.trim() === o.name)).map((o) => ['FD241', o.name]),
    ].sort((a, b) => (a[1]! < b[1]! ? -1 : 1));
    expect(report.findings.map((f) => [f.code, f.key])).toEqual(expected);
    expect(report.summary.requirements).toBe(kata.devices.length + kata.machines.length + kata.objects.length);
    expect(run.code).toBe(expected.length > 0 ? 1 : 0);
    // The binary's version comes from its newest versioned machine type, pc-q35-X.Y.
    const newest = machines.match(/^pc-q35-(\d+\.\d+)/m)?.[1];
    expect(report.candidate.version).toBe(newest);
  });
});

describe('flagdiff qemu', () => {
  it('reports --disable-glusterfs when Kata is evaluated for QEMU 11.1', async () => {
    const run = await runCli(['qemu', '--qemu-version', '11.1.0', 'kata']);
    expect(run.stdout).toContain('--disable-glusterfs');
    expect(run.stdout).toContain('unknown-option (1)');
    expect(run.code).toBe(1);
  });

  it('labels the candidate with the version it was evaluated as, and keeps Kata\'s tag on the option', async () => {
    const run = await runCli(['qemu', '--qemu-version', '11.1.0', '--arch', 'x86_64', '--format', 'json', 'kata']);
    const [report] = (JSON.parse(run.stdout) as ReportDocument).reports;
    expect(report!.candidate.version).toBe('11.1.0');
    // configure-hypervisor.sh tags --disable-glusterfs "size" (the corpus dump says so).
    const dump = readFileSync(corpus('qemu/kata-flags/kata-qemu-11.0.1-static-x86_64.dump'), 'utf8');
    const tag = /^(\S+)\s+--disable-glusterfs$/m.exec(dump)![1]!;
    expect(report!.findings.find((f) => f.key === '--disable-glusterfs')?.reasons).toEqual([tag]);
  });

  it('tells a large binary by its first bytes, without reading it whole', async () => {
    const big = join(tempDir('flagdiff-bin-'), 'qemu-system-x86_64');
    const fd = openSync(big, 'w');
    writeSync(fd, Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
    ftruncateSync(fd, 80 * 1024 * 1024); // sparse, over the 64 MiB input limit, and not executable
    closeSync(fd);
    const run = await runCli(['qemu', big]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('running it with -device help failed');
    expect(run.stderr).not.toContain('input limit');
  });

  it('compares a Kata -d dump with Kata itself: nothing to report for the version it pins', async () => {
    const run = await runCli(['qemu', '--qemu-version', '11.0.1', '--fail-on', 'info', corpus('qemu/kata-flags/kata-qemu-11.0.1-static-aarch64.dump')]);
    expect(run.stdout).toMatch(/qemu aarch64: \d+ requirements, (\d+) satisfied; 0 errors, 0 warnings, 0 info/);
    expect(run.code).toBe(0);
  });

  it('reads a Kata checkout as the reference, its lints joining the report, and evaluates it for the QEMU asked', async () => {
    const checkout = fixture('kata');
    // The fixture's configure-hypervisor.sh gives --enable-kvm twice (grep), which FD411 reports at the second line.
    const twice = readFileSync(fixture('kata/tools/packaging/scripts/configure-hypervisor.sh'), 'utf8').split('\n').flatMap((l, i) => (l.includes('--enable-kvm') ? [i + 1] : []));
    const { reports } = JSON.parse((await runCli(['qemu', '--format', 'json', '-r', checkout, 'kata'])).stdout) as ReportDocument;
    expect(reports[0]!.reference.name).toBe(checkout);
    expect(reports[0]!.diagnostics.filter((d) => d.code === 'FD411').map((d) => d.line)).toEqual([twice[1]]);
    // The candidate kata is the checkout's own build, for the version its versions.yaml pins, or the one asked.
    const pinned = /version: "?v?([0-9.]+)/.exec(readFileSync(fixture('kata/versions.yaml'), 'utf8').split('qemu:')[1]!)![1];
    expect(reports[0]!.candidate.version).toBe(pinned);
    const asked = JSON.parse((await runCli(['qemu', '--format', 'json', '-r', checkout, '--qemu-version', '7.2.0', 'kata'])).stdout) as ReportDocument;
    expect(asked.reports[0]!.candidate.version).toBe('7.2.0');
  });

  it("takes Kata 1.x as the reference: its options, from packaging's configure-hypervisor.sh", async () => {
    const { reports } = JSON.parse((await runCli(['qemu', '--format', 'json', '-r', 'kata-1.x', fixture('qemu/mini-2020.flags')])).stdout) as ReportDocument;
    expect(reports[0]!.reference.source).toBe('kata-containers/packaging@17f37e029c2f');
    const compared = reports[0]!.findings.filter((f) => f.kind !== 'unknown-option');
    expect(compared.length).toBeGreaterThan(0);
    expect(compared.every((f) => f.reference.file === 'scripts/configure-hypervisor.sh')).toBe(true);
  });

  it('prints the consequence and the configuration.toml fix with a finding', async () => {
    const run = await runCli(['qemu', '--qemu-version', '4.1.0', fixture('qemu/mini-2019.flags')]);
    expect(run.stdout).toContain("'vhost-user-fs-pci' is not a valid device model name");
    expect(run.stdout).toContain('fix: set shared_fs = "virtio-9p"');
  });

  // [args, message on stderr]: usage and input errors end with exit 2 and one line
  it.each([
    [['qemu'], 'no CANDIDATE given'],
    [['qemu', '--qemu-version', 'eleven', 'kata'], '--qemu-version must look like'],
    [['qemu', 'qemu.spec'], 'no such file'],
    [['qemu', '--arch', 'riscv64', 'kata'], 'Kata builds no QEMU for riscv64'],
    [['qemu', '--flavor', 'tdx-experimental', 'kata'], 'cannot be evaluated statically'],
    [['qemu', '--build', 'build-mini', 'kata'], '--build picks one invocation'],
    [['qemu', '--define', 'fedora=39', 'kata'], 'are read by recipes (spec files, debian/rules)'],
    [['qemu', '--build', 'build-nano', fixture('qemu/mini-2019.spec')], 'no build build-nano on x86_64; its builds: build-static (no qemu-system-x86_64), build-mini'],
    [['qemu', '--arch', 'aarch64', '--build', 'build-static', fixture('qemu/mini-2019.spec')], 'build-static does not build qemu-system-aarch64'],
    [['qemu', '/nonexistent/flags'], 'no such file'],
    [['qemu', '--qemu-tree', '/nonexistent', 'kata'], 'is not a QEMU source tree'],
    [['qemu', '--devices', 'x86_64=a.mak', 'kata'], '--devices takes [TARGET[/NAME][+]=]FILE'],
    [['qemu', '--reference-devices', '/nonexistent.mak', 'kata'], 'no such file'],
    [['qemu', '--reference-devices', fixture('qemu/microvm.flags'), 'kata'], 'minikconf stops'],
  ])('%j → exit 2', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe.skipIf(!qemu100)(`flagdiff qemu with a QEMU tree${qemu100 ? '' : ` (skipped: ${qemu100Missing})`}`, () => {
  const kataLike = fixture('qemu/kata-like-x86_64.mak');

  it('reports the devices Kata needs that a build without its device list drops under --without-default-devices, and exits 1', async () => {
    // Kata's options alone (its -d dump as a flags file), without the lines build-qemu.sh appends.
    const dump = corpus('qemu/kata-flags/kata-qemu-11.0.1-static-x86_64.dump');
    const run = await runCli(['qemu', '--format', 'json', '--qemu-tree', qemu100!, '--reference-devices', kataLike, dump]);
    const report = (JSON.parse(run.stdout) as ReportDocument).reports[0]!;
    const missing = report.findings.filter((f) => f.category === 'device').map((f) => f.key);
    // QEMU 10.0's boards are `default y`, which --without-default-devices drops: q35 goes, and with it
    // the devices only q35 implies or selects. The twin below appends the list, as Kata's build does.
    expect(missing).toContain('CONFIG_Q35');
    expect(report.candidate.version).toBe('10.0.13');
    expect(run.code).toBe(1);
    const appended = await runCli(['qemu', '--format', 'json', '--qemu-tree', qemu100!, '--devices', `i386-softmmu+=${kataLike}`, '--reference-devices', kataLike, dump]);
    expect((JSON.parse(appended.stdout) as ReportDocument).reports[0]!.findings.filter((f) => f.category === 'device')).toEqual([]);
  });

  it("evaluates Kata's own build with the lines build-qemu.sh appends: the symbols QEMU 10.0 does not declare stop it, at their script lines", async () => {
    const run = await runCli(['qemu', '--format', 'json', '--qemu-tree', qemu100!, 'kata']);
    const report = (JSON.parse(run.stdout) as ReportDocument).reports[0]!;
    // Oracle: the symbols of Kata's x86_64 list that no Kconfig file of the 10.0 tree declares (grep), at
    // the script lines the shipped profile gives them.
    const declared = execFileSync('grep', ['-rhoE', '^config [A-Z0-9_]+', qemu100!, '--include=Kconfig*'], { encoding: 'utf8' });
    const names = new Set(declared.split('\n').map((l) => `CONFIG_${l.slice(7)}`));
    const undeclared = [...kataQemuReference('x86_64').deviceSymbols!.requirements.values()].filter((r) => !names.has(r.key));
    expect(undeclared.length).toBeGreaterThan(0);
    expect(report.diagnostics.filter((d) => d.code === 'FD182').map((d) => `${d.file}:${d.line}`)).toEqual(undeclared.map((r) => `${r.origin.file}:${r.origin.line}`));
    expect(report.findings.map((f) => f.code)).toContain('FD248');
  });

  it('prints the Kconfig chain and the fix under a device finding', async () => {
    const run = await runCli(['qemu', '--qemu-tree', qemu100!, '--devices', kataLike, fixture('qemu/mini-2019.flags')]);
    expect(run.stdout).toMatch(/CONFIG_VHOST_USER_FS +buildable → contradiction/);
    expect(run.stdout).toContain('and CONFIG_VHOST_USER is off: --disable-vhost-user');
    expect(run.stdout).toContain('fix: set shared_fs = "virtio-9p"');
  });

  it('refuses device options with a binary', async () => {
    const run = await runCli(['qemu', '--qemu-tree', qemu100!, '/bin/true']);
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('--qemu-tree and --devices describe a build')]);
  });
});

/** The 1-based line of the fixture that matches, found here independently of flagdiff's reader. */
function lineOf(file: string, pattern: RegExp, after = 0): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.findIndex((line, i) => i >= after && pattern.test(line)) + 1;
}

describe("flagdiff qemu on a spec built through rpm's %configure (Clear Linux's shape)", () => {
  const spec = fixture('rpm/clear-like.spec');
  // %configure's words QEMU's configure neither takes nor ignores; --without-docs is the spec's own
  const unknown = ['--program-prefix=', '--exec-prefix=/usr', '--disable-static', '--without-docs'];
  const report = async (path: string) => (JSON.parse((await runCli(['qemu', '--format', 'json', path])).stdout) as ReportDocument).reports[0]!;

  it('takes the autoconf switches configure ignores; what it does not take stops the build (FD234)', async () => {
    const dir = tempDir('flagdiff-clear-');
    writeFileSync(join(dir, 'qemu.spec'), readFileSync(spec, 'utf8'));
    const r = await report(join(dir, 'qemu.spec'));
    expect(r.findings.filter((f) => f.code === 'FD234').map((f) => f.key).sort()).toEqual([...unknown].sort());
    expect(r.diagnostics.filter((d) => d.code === 'FD340').map((d) => [d.level, d.message.split('"')[1]])).toEqual([
      ['info', '--host=%{_host}'],
      ['info', '--build=%{_build}'],
    ]);
  });

  it("with the spec's patch that lets configure go on past what it does not know, those words are ignored (FD249): --without-docs leaves docs on", async () => {
    const r = await report(spec);
    expect(r.findings.filter((f) => f.code === 'FD234')).toEqual([]);
    const ignored = r.diagnostics.filter((d) => d.code === 'FD249');
    expect(ignored.map((d) => d.message.match(/accept (\S+) /)![1]).sort()).toEqual([...unknown].sort());
    for (const d of ignored) expect(d.message).toContain('0001-Accept-options-configure-does-not-know.patch:18 lets configure go on past it, ignored');
    // Kata turns docs off; the ignored --without-docs does not, so the candidate builds them.
    expect(r.findings.find((f) => f.key === 'docs')).toMatchObject({ kind: 'extra', want: 'disabled' });
  });
});

describe('flagdiff qemu on spec files shaped like the 2019 and 2020 qemu-mini specs (issue 7 acceptance)', () => {
  const mini2019 = fixture('qemu/mini-2019.spec');
  const mini2020 = fixture('qemu/mini-2020.spec');
  const report = async (...args: string[]) => {
    const run = await runCli(['qemu', '--format', 'json', ...args]);
    return { run, report: (JSON.parse(run.stdout) as ReportDocument).reports[0]! };
  };

  it('2019: build-mini has vhost-user off, so virtio-fs is impossible; the finding points at the spec line and the function it came through', async () => {
    const { run, report: r } = await report('--build', 'build-mini', mini2019);
    const vhost = r.findings.find((f) => f.key === 'vhost_user')!;
    // Expected lines: --disable-vhost-user inside disable_everything, called by build-mini's `disable_everything \`.
    const miniCall = lineOf(mini2019, /^disable_everything \\$/, lineOf(mini2019, /^pushd build-mini$/));
    expect(vhost).toMatchObject({
      code: 'FD231',
      kind: 'disabled',
      want: 'enabled',
      have: 'disabled',
      candidate: { file: mini2019, line: lineOf(mini2019, /--disable-vhost-user /), via: [{ file: mini2019, line: miniCall, name: 'disable_everything' }] },
    });
    expect(vhost.hint?.symptom).toContain("'vhost-user-fs-pci' is not a valid device model name");
    expect(vhost.hint?.fix).toContain('shared_fs = "virtio-9p"');
    // The spec's Version: is the candidate's QEMU, and the build compared is named.
    expect(r.candidate).toEqual({ source: mini2019, version: '4.1.0', build: 'build-mini' });
    expect(run.code).toBe(1);
  });

  it('2020: build-mini enables vhost-user and vhost-user-fs: that gap is gone', async () => {
    const { report: r } = await report('--build', 'build-mini', mini2020);
    expect(r.findings.filter((f) => /vhost_user|seccomp/.test(f.key))).toEqual([]);
    expect(r.candidate.version).toBe('4.2.0');
    // The twin: the same spec with vhost-user turned off again by --disable-vhost-user after the list.
    const { report: both } = await report('--build', 'build-mini', mini2019);
    expect(both.findings.map((f) => f.key)).toEqual(expect.arrayContaining(['vhost_user', 'seccomp']));
  });

  it('2020: the device list the spec copies over the tree\'s default is read for build-mini only', async () => {
    const devices = readFileSync(fixture('qemu/mini-i386-softmmu.mak'), 'utf8');
    const { report: mini } = await report('--build', 'build-mini', mini2020);
    const deviceFindings = mini.findings.filter((f) => f.key.startsWith('CONFIG_'));
    // What Kata wants that the copied file sets y is satisfied; what it does not mention is unknown
    // without a QEMU tree (its default), never missing.
    expect(deviceFindings.length).toBeGreaterThan(0);
    for (const f of deviceFindings) {
      expect(f.kind).toBe('unknown');
      expect(devices).not.toMatch(new RegExp(`^${f.key}=y$`, 'm'));
    }
    // build-dynamic runs after the spec has put the tree's own file back: no device file, no device finding.
    const { report: dynamic } = await report('--build', 'build-dynamic', mini2020);
    expect(dynamic.findings.filter((f) => f.key.startsWith('CONFIG_'))).toEqual([]);
  });

  it('prints the spec line and the function in text, with the fix', async () => {
    const run = await runCli(['qemu', '--build', 'build-mini', mini2019]);
    expect(run.stdout).toMatch(new RegExp(`vhost_user +enabled → disabled +${mini2019}:${lineOf(mini2019, /--disable-vhost-user /)} via disable_everything at :\\d+`));
    expect(run.stdout).toContain(`${mini2019} build-mini (4.1.0)`);
  });

  it.each([
    // arch, build compared by default, the other builds as FD190 lists them
    ['x86_64', 'build-dynamic', 'build-static (no qemu-system-x86_64), build-mini (qemu-system-x86_64)'],
    ['aarch64', 'build-dynamic', 'build-static (no qemu-system-aarch64), build-mini (qemu-system-aarch64)'],
  ])('%s: compares %s, the last build that makes qemu-system-ARCH, and names the others', async (arch, build, others) => {
    const { report: r } = await report('--arch', arch, mini2019);
    expect(r.candidate.build).toBe(build);
    expect(r.diagnostics.find((d) => d.code === 'FD190')?.message).toContain(others);
  });

  it('takes --qemu-version over the spec\'s Version:', async () => {
    const { report: r } = await report('--qemu-version', '7.2.0', '--build', 'build-mini', mini2020);
    expect(r.diagnostics.some((d) => d.message.includes('QEMU 4.2.0'))).toBe(false);
    expect(r.diagnostics.some((d) => d.code === 'FD235' && d.message.includes('is outside the versions'))).toBe(false);
  });

  it('does not guess what a word it does not evaluate sets: the option is unknown, and so is every option before a word that may set any', async () => {
    const spec = fixture('qemu/unevaluated.spec');
    const { report: r } = await report(spec);
    const byKey = new Map(r.findings.map((f) => [f.key, f]));
    // vhost-user and seccomp are written before the %(cat ...) word, which may turn them off again.
    expect(byKey.get('vhost_user')).toMatchObject({ code: 'FD260', kind: 'unknown', have: 'unknown' });
    expect(byKey.get('seccomp')?.code).toBe('FD260');
    // The twin: virtfs is written after it, so it is known (and satisfied: no finding).
    expect(byKey.has('virtfs')).toBe(false);
    const fd340 = r.diagnostics.filter((d) => d.code === 'FD340').map((d) => d.line);
    expect(fd340).toEqual([lineOf(spec, /--audio-drv-list=/), lineOf(spec, /%\(cat /), lineOf(spec, /--extra-cflags=/)]);
    expect(r.findings.some((f) => f.kind === 'unknown-option')).toBe(false);
  });

  it('compares a build whose target list is unknown, saying it may not build the binary, and leaves its devices alone', async () => {
    const spec = fixture('qemu/lua-targets.spec');
    const devices = join(tempDir('flagdiff-devices-'), 'default.mak');
    writeFileSync(devices, 'CONFIG_VIRTIO_PCI=y\n');
    const { report: r } = await report('--devices', devices, spec);
    const notes = r.diagnostics.filter((d) => d.code === 'FD190' || d.code === 'FD185').map((d) => `${d.code} ${d.message}`);
    expect(notes).toEqual([
      'FD190 compared build, which may build qemu-system-x86_64: its target list is unknown',
      'FD185 whether the candidate builds x86_64-softmmu is unknown (its target list is not evaluated statically), so its devices are not compared',
    ]);
    // The options are compared: seccomp is enabled as Kata wants; what the build leaves off is reported.
    expect(r.findings.some((f) => f.key === 'seccomp')).toBe(false);
    expect(r.findings.find((f) => f.key === 'numa')).toMatchObject({ code: 'FD230', kind: 'missing' });
    expect(r.findings.find((f) => f.key === 'target_list')).toMatchObject({ code: 'FD260', kind: 'unknown' });
  });

  it('compares a build whose device file name is unknown, every option but that one known; its devices are not compared', async () => {
    const devices = join(tempDir('flagdiff-devices-'), 'default.mak');
    writeFileSync(devices, 'CONFIG_VIRTIO_PCI=y\n');
    const { report: r } = await report('--devices', devices, fixture('qemu/lua-device-file.spec'));
    expect(r.findings.filter((f) => f.kind === 'unknown')).toEqual([]);
    expect(r.findings.some((f) => f.key === 'vhost_user' || f.key === 'seccomp')).toBe(false);
    expect(r.diagnostics.find((d) => d.code === 'FD185')?.message).toMatch(/^which device file the candidate builds x86_64-softmmu with is unknown \("--with-devices-=minimal" at line 19 /);
  });

  it('reads --define into the spec: a distribution macro given is no longer unknown', async () => {
    const { report: r } = await report('--define', 'optflags=-O2', '--build', 'build-mini', mini2019);
    expect(r.diagnostics.filter((d) => d.code === 'FD340')).toEqual([]);
  });
});
