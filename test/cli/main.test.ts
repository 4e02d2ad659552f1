import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEBIAN_AMD64, DEBIAN_LAYERED, corpus, fixture } from '../helpers/corpus.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const GUEST = fixture('kernel/guest-6.12.config');
const BASE = fixture('kernel/wants-base.conf');
const ESC = '\u001b[';

describe('flagdiff --help and --version', () => {
  it.each([[['--help']], [['-h']], [['help']]])('%j prints the usage and exits 0', async (args) => {
    const run = await runCli(args);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('flagdiff kernel [options] CANDIDATE...');
  });

  it('prints the version', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints each command\'s help', async () => {
    expect((await runCli(['kernel', '--help'])).stdout).toContain('--fail-on LEVEL');
    expect((await runCli(['show', '-h'])).stdout).toContain('Usage: flagdiff show');
  });
});

describe('exit codes', () => {
  it.each([
    // args, exit code
    [['kernel', '-r', BASE, GUEST], 1], // errors, and --fail-on error by default
    [['kernel', '-r', BASE, GUEST, '--fail-on', 'never'], 0],
    [['kernel', '-r', BASE, BASE], 0], // a reference satisfies itself
    [['kernel', '-r', BASE, '--modules', GUEST, '--fail-on', 'error'], 0], // modules accepted; what is left (value, extra) are warnings
    [['kernel', '-r', BASE, '--modules', GUEST, '--fail-on', 'warning'], 1],
  ])('%j exits %i', async (args, code) => {
    expect((await runCli(args)).code).toBe(code);
  });

  it.each([
    // args, message on stderr
    [[], 'Usage:'],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['kernel'], 'no CANDIDATE given'],
    [['kernel', '--fromat', 'json', GUEST], "Unknown option '--fromat'"],
    [['kernel', '--format', 'yaml', GUEST], '--format must be one of text, json'],
    [['kernel', '--fail-on', 'fatal', GUEST], '--fail-on must be one of error, warning, info, never'],
    [['kernel', '--arch', 'amd64', GUEST], '--arch must be one of x86_64, aarch64, s390x, ppc64le, riscv64'],
    [['kernel', '--flavor', 'nope', GUEST], 'no nope kernel flavour'],
    [['kernel', '--flavor', 'confidential', '--arch', 'riscv64', GUEST], 'no confidential kernel for riscv64'],
    [['kernel', '-r', 'kata-1.x', GUEST], 'has no guest-kernel profile'],
    [['show', 'kata', '--domain', 'qemu', '--qemu-version', '9.0.0'], 'evaluated for QEMU 11.0.1'],
    [['show', 'kata', '--domain', 'qemu', '--flavor', 'tdx-experimental'], 'cannot be evaluated statically'],
    [['show', 'kata', '--domain', 'network'], '--domain must be one of kernel, qemu, devices'],
    [['show', 'kata', '-r', fixture('kernel')], 'is not a Kata reference'],
    [['kernel', BASE], 'cannot tell which architecture'],
    [['kernel', 'does/not/exist'], 'does/not/exist: no such file'],
    [['kernel', '-r', 'does/not/exist.conf', GUEST], 'does/not/exist.conf: no such file'],
    [['kernel', fixture('kernel')], 'is a directory'],
  ])('%j exits 2 with one line saying why', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    if (args.length > 0) expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('flagdiff kernel', () => {
  it('compares with the built-in Kata profile by default, for the candidate\'s arch', async () => {
    const run = await runCli(['kernel', GUEST, '--format', 'json']);
    const report = JSON.parse(run.stdout).reports[0];
    expect(report).toMatchObject({ domain: 'kernel', arch: 'x86_64', reference: { name: 'kata' }, candidate: { source: GUEST, version: '6.12.40' } });
    expect(report.summary.requirements).toBe(643);
  });

  it('reads stdin for -', async () => {
    const run = await runCli(['kernel', '-r', BASE, '-', '--format', 'json'], { stdin: readFileSync(GUEST) });
    expect(JSON.parse(run.stdout).reports[0].candidate.source).toBe('-');
    expect(JSON.parse(run.stdout).reports[0].summary.satisfied).toBe(2);
  });

  it('reads a gzip-compressed candidate like the plain one', async () => {
    const dir = tempDir('flagdiff-');
    writeFileSync(join(dir, 'config.gz'), gzipSync(readFileSync(GUEST)));
    const [gz, plain] = await Promise.all([join(dir, 'config.gz'), GUEST].map((c) => runCli(['kernel', '-r', BASE, c, '--format', 'json'])));
    const findings = (run: { stdout: string }) => JSON.parse(run.stdout).reports[0].findings.map((f: { key: string; kind: string }) => [f.key, f.kind]);
    expect(findings(gz!)).toEqual(findings(plain!));
  });

  it('gives one report per --arch', async () => {
    const run = await runCli(['kernel', corpus(DEBIAN_AMD64), '--arch', 'x86_64', '--arch', 'aarch64', '--format', 'json']);
    const reports = JSON.parse(run.stdout).reports;
    expect(reports.map((r: { arch: string }) => r.arch)).toEqual(['x86_64', 'aarch64']);
    expect(reports[1].diagnostics).toMatchObject([{ code: 'FD106' }]);
  });

  it('gives one report per candidate', async () => {
    const run = await runCli(['kernel', '-r', BASE, GUEST, BASE, '--format', 'json']);
    expect(JSON.parse(run.stdout).reports.map((r: { candidate: { source: string } }) => r.candidate.source)).toEqual([GUEST, BASE]);
  });

  it('writes to -o FILE and nothing to stdout', async () => {
    const out = join(tempDir('flagdiff-'), 'report.json');
    const run = await runCli(['kernel', '-r', BASE, GUEST, '--format', 'json', '-o', out]);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);
  });

  it('prints only the summary with --quiet', async () => {
    const run = await runCli(['kernel', '-r', BASE, GUEST, '--quiet']);
    expect(run.stdout).toBe('kernel x86_64: 6 requirements, 2 satisfied; 2 errors, 2 warnings, 0 info (module 2, value 1, extra 1)\n');
  });
});

describe('colour', () => {
  const text = (env: Record<string, string>, isTTY: boolean, ...flags: string[]) => runCli(['kernel', '-r', BASE, GUEST, ...flags], { env, isTTY }).then((r) => r.stdout);

  it.each([
    // env, terminal, flags, coloured
    [{}, true, [], true],
    [{}, false, [], false],
    [{ NO_COLOR: '1' }, true, [], false],
    [{ NO_COLOR: '' }, true, [], true], // NO_COLOR counts only when non-empty
    [{}, true, ['--no-color'], false],
    [{ FORCE_COLOR: '1' }, false, [], true],
    [{ FORCE_COLOR: '0' }, true, [], true], // FORCE_COLOR=0 does not force; the terminal decides
    [{}, false, ['--color'], true],
    [{ TERM: 'dumb' }, true, [], false],
  ])('env %j, terminal %s, flags %j: coloured %s', async (env, isTTY, flags, coloured) => {
    expect((await text(env, isTTY, ...flags)).includes(ESC)).toBe(coloured);
  });

  it('never colours JSON', async () => {
    expect((await runCli(['kernel', '-r', BASE, GUEST, '--format', 'json', '--color'], { isTTY: true })).stdout).not.toContain(ESC);
  });
});

describe('flagdiff show', () => {
  it('prints a config sorted, each value with its line', async () => {
    const run = await runCli(['show', fixture('kernel/wants-base.conf')]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      `# ${BASE}: kernel fragment, 6 settings`,
      `CONFIG_DEBUG_FS=n                            ${BASE}:8`,
      `CONFIG_NR_CPUS=240                           ${BASE}:6`,
    ]);
  });

  it('prints the built-in profile of one arch as JSON', async () => {
    const run = await runCli(['show', 'kata', '--arch', 'aarch64', '--format', 'json']);
    const [source] = JSON.parse(run.stdout).sources;
    expect(source).toMatchObject({ kind: 'profile', name: 'kata', arch: 'aarch64', flavor: 'plain' });
    expect(source.requirements).toHaveLength(644);
  });

  it('shows the overridden writers of merged fragments', async () => {
    const run = await runCli(['show', fixture('kernel/malformed.config')]);
    expect(run.stdout).toMatch(/CONFIG_VIRTIO=m +\S+malformed.config:11 \(overrides y at \S+malformed.config:2\)/);
    expect(run.stdout).toContain('# warning FD101');
  });
});

describe('flagdiff kernel on distro config sources', () => {
  const json = async (...args: string[]) => {
    const run = await runCli(['kernel', '--format', 'json', '--fail-on', 'never', ...args]);
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout).reports as Array<{ arch: string; candidate: { source: string }; summary: { byKind: Record<string, number> }; findings: Array<{ key: string; kind: string; candidate: { file: string } | null }> }>;
  };

  it('evaluates a Debian debian/config tree for a flavour, as a partial config', async () => {
    const [report] = await json('--variant', 'amd64_none_cloud-amd64', corpus(DEBIAN_LAYERED));
    expect(report!.arch).toBe('x86_64');
    expect(report!.summary.byKind.missing).toBeUndefined();
    expect(report!.findings.some((f) => f.candidate?.file.endsWith('/config.cloud'))).toBe(true);
  });

  it('reads Ubuntu annotations for each --arch', async () => {
    const reports = await json('--arch', 'x86_64', '--variant', 'kvm', corpus('kernel/ubuntu/debian.kvm-annotations.EXCERPT'));
    expect(reports.map((r) => r.arch)).toEqual(['x86_64']);
    expect(reports[0]!.findings.find((f) => f.key === 'CONFIG_9P_FS')).toBeUndefined(); // the excerpt has 9P_FS y
  });

  it('takes --initramfs-modules as evidence for modules', async () => {
    const dir = tempDir('flagdiff-');
    writeFileSync(join(dir, 'dracut.conf'), 'add_drivers+=" virtio_blk "\n');
    const [unproven] = await json('--modules', corpus(DEBIAN_AMD64));
    const [shown] = await json('--initramfs-modules', join(dir, 'dracut.conf'), corpus(DEBIAN_AMD64));
    const kindOf = (r: typeof unproven, key: string) => r!.findings.find((f) => f.key === key)?.kind;
    expect([kindOf(unproven, 'CONFIG_VIRTIO_BLK'), kindOf(shown, 'CONFIG_VIRTIO_BLK')]).toEqual(['module-unproven', undefined]);
    expect(kindOf(shown, 'CONFIG_VIRTIO_NET')).toBe('module-unproven');
    expect(unproven!.summary.byKind.module).toBeUndefined();
  });

  it.each([
    // args, message
    [['--layout', 'rpm', GUEST], '--layout must be one of config, redhat-configs, debian-config, ubuntu-annotations'],
    [['--variant', 'nope', corpus(DEBIAN_LAYERED), '--arch', 'x86_64'], 'no flavour nope for amd64 none'],
  ])('%j exits 2 with one line', async (args, message) => {
    const run = await runCli(['kernel', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
