// Acceptance through the CLI: the built-in Kata profile checks exactly what build-kernel.sh requests
// (the selection written as shell over the corpus, test/helpers/kata-oracle.ts) for every arch and
// flavour; `show kata --domain qemu` lists the corpus dumps' options in order with their tags; a Kata
// checkout (the fixture) is read live.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { ReportDocument } from '../../src/model/report.js';
import type { Arch } from '../../src/model/arch.js';
import { kataKernelData } from '../../src/knowledge/kata-kernel-profile.js';
import { kernelOptionsOf } from '../../src/readers/kata/select-kata-fragments.js';
import { DEBIAN_AMD64, KATA_DUMPS, corpus, fixture, kataDump } from '../helpers/corpus.js';
import { bash } from '../helpers/bash-oracle.js';
import { lastAssignments, selectionOracle } from '../helpers/kata-oracle.js';
import { runCli } from '../helpers/run-cli.js';

/** Debian's last value of each symbol, read here with a regular expression: key → value. */
const debian = new Map(
  readFileSync(corpus(DEBIAN_AMD64), 'utf8')
    .split('\n')
    .flatMap((line) => {
      const m = /^(CONFIG_\w+)=(.*)$|^# (CONFIG_\w+) is not set$/.exec(line);
      return m ? [[(m[1] ?? m[3])!, m[2] ?? 'n'] as const] : [];
    }),
);

/** What a reviewer reads off the two values; `undefined` when the requirement holds. */
function expectedKind(want: string, have: string | undefined): Finding['kind'] | undefined {
  if (have === want) return undefined;
  if (have === undefined) return 'missing';
  if (have === 'n') return 'disabled';
  if (want === 'y' && have === 'm') return 'module';
  return /^[0-9]+$/.test(want) && /^[0-9]+$/.test(have) && BigInt(want) === BigInt(have) ? undefined : 'value';
}

describe.skipIf(!bash.path)(`flagdiff kernel against Debian amd64, for every arch and flavour${bash.path ? '' : ` (skipped: ${bash.missing})`}`, () => {
  const paths = Object.keys(kataKernelData().fragments);
  it.each([
    // arch, flavour
    ['x86_64', 'plain'],
    ['x86_64', 'confidential'],
    ['x86_64', 'kata-deploy'],
    ['x86_64', 'nvidia-gpu+confidential+measured'],
    ['x86_64', 'debug'],
    ['x86_64', 'signing'],
    ['x86_64', 'dragonball-experimental'],
    ['aarch64', 'plain'],
    ['aarch64', 'kata-deploy'],
    ['aarch64', 'nvidia-gpu'],
    ['aarch64', 'arm-experimental'],
    ['s390x', 'plain'],
    ['s390x', 'confidential+measured'],
    ['ppc64le', 'plain'],
    ['ppc64le', 'measured'],
    ['riscv64', 'plain'],
    ['riscv64', 'debug'],
  ] as const)('%s %s', async (arch: Arch, flavor) => {
    const wanted = lastAssignments(selectionOracle(arch, kernelOptionsOf(flavor, arch, paths)!));
    const run = await runCli(['kernel', '--arch', arch, '--flavor', flavor, '--format', 'json', '--fail-on', 'never', corpus(DEBIAN_AMD64)]);
    const [report] = (JSON.parse(run.stdout) as ReportDocument).reports;
    expect(report!.summary.requirements).toBe(wanted.size);
    const findings = new Map(report!.findings.map((f) => [f.key, f]));
    for (const [key, [want]] of wanted) {
      expect([key, findings.get(key)?.kind]).toEqual([key, expectedKind(want, debian.get(key))]);
    }
    expect([...findings.keys()].every((key) => wanted.has(key))).toBe(true);
  });
});

describe('flagdiff show kata --domain qemu lists the dump\'s options, in order, with its tags', () => {
  // reference, arch, dump
  it.each(KATA_DUMPS)('%s %s', async (reference, arch, name) => {
    const json = await runCli(['show', 'kata', '-r', reference, '--arch', arch, '--domain', 'qemu', '--format', 'json']);
    const [source] = JSON.parse(json.stdout).sources;
    expect(source.options.map((o: { tags: string[]; option: string }) => `${o.tags.join(',')}\t\t${o.option}`)).toEqual(kataDump(name).options);
    const text = await runCli(['show', 'kata', '-r', reference, '--arch', arch, '--domain', 'qemu']);
    const rows = text.stdout.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(rows.map((l) => l.replace(/^(\S+)\s+(.*?)\s+\S+:\d+$/, '$1\t\t$2'))).toEqual(kataDump(name).options);
  });
});

describe('a Kata checkout read live (the fixture)', () => {
  const KATA = fixture('kata');

  it('is the reference of flagdiff kernel, its selection and lints included', async () => {
    const run = await runCli(['kernel', '-r', KATA, '--arch', 'x86_64', '--format', 'json', '--fail-on', 'never', fixture('kernel/guest-6.12.config')]);
    const [report] = JSON.parse(run.stdout).reports;
    // common/acpi.conf and common/virtio.conf (4 symbols), then x86_64/base.conf (2).
    expect(report.summary.requirements).toBe(6);
    expect(report.reference).toEqual({ name: 'kata', source: 'kata-containers/kata-containers@unknown' });
  });

  it('shows its QEMU options, devices and kernel', async () => {
    const qemu = await runCli(['show', KATA, '--domain', 'qemu', '--arch', 's390x']);
    expect(qemu.stdout).toContain('# ' + KATA + ' (kata-containers/kata-containers@unknown): qemu s390x plain, QEMU 8.2.4, 11 configure options');
    const devices = await runCli(['show', 'kata', '-r', KATA, '--domain', 'devices', '--arch', 'x86_64', '--flavor', 'no-shared-fs', '--format', 'json']);
    expect(JSON.parse(devices.stdout).sources[0].requirements.map((r: { key: string }) => r.key)).toEqual(['CONFIG_PVPANIC_ISA', 'CONFIG_Q35', 'CONFIG_VFIO_PCI', 'CONFIG_VHOST_VSOCK', 'CONFIG_VIRTIO_BLK', 'CONFIG_VIRTIO_NET', 'CONFIG_VIRTIO_PCI']);
    const other = await runCli(['show', KATA, '--domain', 'qemu', '--arch', 'x86_64', '--qemu-version', '6.2.0']);
    expect(other.stdout).toContain('--disable-vnc-png');
  });
});
