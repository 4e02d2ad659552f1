// Golden files, reviewed by eye: realistic comparisons of the fixtures, as a user sees them.
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/model/report.js';
import { runDebian } from '../helpers/debian-run.js';
import { runCli } from '../helpers/run-cli.js';

describe('--format text', () => {
  it('groups findings by kind, then by reason, shows both lines, and ends with the summary', async () => {
    const run = await runCli(['kernel', '-r', 'fixtures/kernel/wants-base.conf', '-r', 'fixtures/kernel/wants-override.conf', 'fixtures/kernel/guest-6.12.config']);
    await expect(run.stdout).toMatchFileSnapshot('./golden/fragments-vs-guest.txt');
  });

  it('summarises the built-in profile against a Fedora dist-git config in one line', async () => {
    const run = await runCli(['kernel', 'fixtures/kernel/fedora-dist-git.config', '--quiet']);
    await expect(run.stdout).toMatchFileSnapshot('./golden/kata-vs-fedora-quiet.txt');
  });

  it('lists each kind\'s findings under their reasons, and waived ones under the waiver\'s reason', async () => {
    const text = (await runDebian('text')).stdout;
    const { findings } = (JSON.parse((await runDebian('json')).stdout) as ReportDocument).reports[0]!;
    // Read the text back: a kind heading, then "[reasons]" lines, then findings; the waived group by reason.
    const seen: Array<[string, string, string]> = [];
    let kind = '';
    let label = '';
    for (const line of text.split('\n')) {
      const heading = /^(\w[\w-]*) \(\d+\): /.exec(line);
      if (heading) kind = heading[1]!;
      else if (/^  \S/.test(line)) label = line.trim().replace(/^\[(.*)\]$/, '$1');
      else if (/^    /.test(line)) seen.push([kind, label, / (CONFIG_\w+) /.exec(line)![1]!]);
    }
    const expected = findings.map((f) => (f.waived ? ['waived', expect.stringContaining(f.waived.reason), f.key] : [f.kind, f.reasons.join(', '), f.key]));
    expect(seen.sort()).toEqual(expect.arrayContaining(expected));
    expect(seen).toHaveLength(findings.length);
  });

  it('reads a QEMU option the candidate does not write as "not set", and a device or kernel symbol it lacks as "absent"', async () => {
    // Kata's --enable-cap-ng and --disable-xen against a build that writes neither; its device file lacks VIRTIO_BALLOON
    const options = (await runCli(['qemu', '--qemu-version', '10.0.0', '--devices', 'i386-softmmu=../shared/corpus/qemu/devices/fedora-mini-2020-i386-softmmu.mak', 'fixtures/qemu/mini-2020.flags'])).stdout;
    expect(options).toMatch(/^ {4}\w+ +cap_ng +enabled → not set  wanted at /m);
    expect(options).toMatch(/^ {4}\w+ +xen +disabled → not set  wanted at /m);
    expect(options).toMatch(/^ {4}\w+ +CONFIG_VIRTIO_BALLOON +y → absent  wanted at /m);
    const kernel = (await runCli(['kernel', 'fixtures/kernel/guest-6.12.config'])).stdout;
    expect(kernel).toMatch(/ → absent  wanted at /);
    expect(kernel).not.toMatch(/→ not set/);
  });

  it('matches the golden file: Kata vs Debian 6.12 amd64, with waivers', async () => {
    await expect((await runDebian('text')).stdout).toMatchFileSnapshot('./golden/kata-vs-debian.txt');
  });
});
