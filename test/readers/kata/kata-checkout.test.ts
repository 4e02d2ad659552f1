// Against a real Kata checkout, when FLAGDIFF_KATA_CHECKOUT names one (its scripts are not part of
// this repository): reading it gives the shipped profiles, and configure-hypervisor.sh evaluated
// statically gives what bash prints when it runs the script, for QEMU versions around every threshold.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../src/cli/node-host.js';
import { parseShell } from '../../../src/eval/shell/parse-shell.js';
import { readConfigureHypervisor } from '../../../src/readers/kata/read-configure-hypervisor.js';
import { readKataReference } from '../../../src/readers/kata/read-kata-reference.js';
import kernel from '../../../src/knowledge/kata-kernel.json' with { type: 'json' };
import qemu from '../../../src/knowledge/kata-qemu-build.json' with { type: 'json' };
import { kataQemuReference } from '../../../src/knowledge/kata-qemu-profile.js';
import { bash } from '../../helpers/bash-oracle.js';
import { tempDir } from '../../helpers/temp-dir.js';

const checkout = process.env.FLAGDIFF_KATA_CHECKOUT;
const SCRIPT = 'tools/packaging/scripts/configure-hypervisor.sh';

describe.skipIf(!checkout || !bash.path)(`a Kata checkout${checkout ? '' : ' (skipped: set FLAGDIFF_KATA_CHECKOUT to a kata-containers checkout at the pinned commit)'}`, () => {
  it('reads as the shipped profiles', async () => {
    const reference = await readKataReference(checkout!, nodeHost(), { commit: kernel.commit });
    expect(JSON.parse(JSON.stringify(reference.kernel))).toEqual(kernel);
    expect(JSON.parse(JSON.stringify(reference.qemu))).toEqual(qemu);
  });

  it('locates every option, verify name and machine type of the shipped reference at its line', () => {
    const lines = (file: string) => readFileSync(join(checkout!, file), 'utf8').split('\n');
    for (const arch of Object.keys(qemu.options)) {
      const reference = kataQemuReference(arch);
      const script = lines(SCRIPT);
      // An option's line appends to qemu_options and names the option (`--enable-X` or its `--X=` prefix).
      for (const word of reference.build.argv) expect(script[word.origin.line - 1], `${arch} ${word.text}`).toMatch(new RegExp(`qemu_options\\+=.*${escape(word.text.replace(/=.*/, ''))}`));
      for (const named of [...reference.devices, ...reference.objects, ...reference.machines]) expect(lines(named.origin.file)[named.origin.line - 1], `${arch} ${named.name}`).toContain(named.name === 'memory-backend-file' ? 'disable_image_nvdimm' : named.name);
    }
  });

  it.each(['6.1.0', '7.0.0', '7.0.50', '8.0.0', '9.0.0', '9.1.0', '10.0.0', '10.1.0', '11.0.1'])('configure-hypervisor.sh for QEMU %s, as bash runs it', (version) => {
    const dir = tempDir('flagdiff-kata-');
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'VERSION'), `${version}\n`);
    writeFileSync(join(dir, 'bin/gcc'), '#!/bin/sh\ncase "$1" in -dumpversion) echo 12;; -dumpfullversion) echo 12.2.0;; esac\n');
    chmodSync(join(dir, 'bin/gcc'), 0o755);
    const script = parseShell(readFileSync(join(checkout!, SCRIPT), 'utf8'), SCRIPT);
    for (const arch of ['x86_64', 'aarch64', 's390x', 'ppc64le']) {
      const real = spawnSync(bash.path!, [join(checkout!, SCRIPT), '-ds', 'kata-qemu', arch], { cwd: dir, env: { PATH: `${join(dir, 'bin')}:/usr/bin:/bin`, PREFIX: '/opt/kata' }, encoding: 'utf8' });
      const ours = readConfigureHypervisor(script, { arch, qemuVersion: version, prefix: '/opt/kata' });
      expect(ours.options.map((o) => `${o.tags.join(',')}\t\t${o.option}`)).toEqual(real.stdout.split('\n').filter((l) => l.includes('\t\t') && !l.startsWith('#')));
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
