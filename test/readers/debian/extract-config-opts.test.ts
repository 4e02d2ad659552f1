// Debian's own debian/extract-config-opts as the oracle: run with sh (dash) on the real debian/control of
// QEMU 7.2 and 10.0 and on fixtures, it prints the configure flags for an arch; flagdiff must work out
// the same words in the same order from the text alone.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDebianControl } from '../../../src/readers/debian/debian-control.js';
import { configOptionsFor, extractScriptOf } from '../../../src/readers/debian/extract-config-opts.js';
import type { ExtractScript } from '../../../src/readers/debian/extract-config-opts.js';
import { fixture } from '../../helpers/corpus.js';
import { DEBIAN_SERIES, debianPackaging, debianPackagingMissing, debianTool } from '../../helpers/debian-packaging.js';
import type { DebianSeries } from '../../helpers/debian-packaging.js';
import { tempDir } from '../../helpers/temp-dir.js';

const sh = debianTool('sh', 'dash');
const ARCHES = ['amd64', 'arm64', 'ppc64el', 's390x', 'riscv64', 'i386', 'armhf'];
const packaging = Object.fromEntries(DEBIAN_SERIES.map((series) => [series, debianPackaging(series)]));

/** The script's output words: `sh SCRIPT linux-ARCH CONTROL` in `cwd`, where no file matches its patterns. */
function runScript(script: string, osArch: string, control: string, cwd = tempDir('flagdiff-extract-')): string[] {
  const run = spawnSync(sh.path!, [script, osArch, control], { cwd, encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
  return run.stdout.split(/\s+/).filter(Boolean);
}

const flagsOf = (text: string, osArch: string, script: ExtractScript) =>
  configOptionsFor(parseDebianControl(text, 'debian/control'), osArch, script).map((f) => f.flag);

describe.skipIf(!sh.path)(`extract-config-opts against the real script${sh.path ? '' : ` (skipped: ${sh.missing})`}`, () => {
  for (const series of DEBIAN_SERIES) {
    const debian = packaging[series];
    describe.skipIf(!debian)(`QEMU ${series}${debian ? '' : ` (skipped: ${debianPackagingMissing(series)})`}`, () => {
      it('recognises which of the two scripts the package carries, and no script changed from it', () => {
        const text = readFileSync(join(debian!, 'extract-config-opts'), 'utf8');
        expect(extractScriptOf(text)).toBe(series === '10.0' ? 'per-word' : 'whole-field');
        expect(extractScriptOf(`  ${text.replace(/\n/g, '\n\n  ')}# a comment\n`)).toBe(extractScriptOf(text));
        expect(extractScriptOf(`${text}echo --enable-extra\n`)).toBeUndefined();
        expect(text).toContain('echo \\$f');
        expect(extractScriptOf(text.replace('echo \\$f', 'echo \\$f \\$f'))).toBeUndefined();
      });

      it.each(ARCHES)('prints the same flags as the script for linux-%s', (arch) => {
        const script = extractScriptOf(readFileSync(join(debian!, 'extract-config-opts'), 'utf8'))!;
        const expected = runScript('debian/extract-config-opts', `linux-${arch}`, 'debian/control', dirname(debian!));
        expect(expected.length).toBeGreaterThan(20);
        expect(flagsOf(readFileSync(join(debian!, 'control'), 'utf8'), `linux-${arch}`, script)).toEqual(expected);
      });
    });
  }

  // The fixture exercises both scripts on the same lines; both scripts are the real ones from the packages.
  const scripts: Array<[ExtractScript, DebianSeries]> = [
    ['whole-field', '7.2'],
    ['per-word', '10.0'],
  ];
  describe.each(scripts)('fixture control with the %s script', (script, series) => {
    const debian = packaging[series];
    it.skipIf(!debian).each(ARCHES)('prints the same flags as the script for linux-%s', (arch) => {
      const control = fixture('debian/config-opts.control');
      const expected = runScript(join(debian!, 'extract-config-opts'), `linux-${arch}`, control);
      expect(flagsOf(readFileSync(control, 'utf8'), `linux-${arch}`, script)).toEqual(expected);
    });
  });

  describe.each(scripts)('edge cases with the %s script', (script, series) => {
    const debian = packaging[series];
    it.skipIf(!debian).each([
      // control text: read's backslash escapes and line joining; blanks around |; empty alternatives (a syntax
      // error that stops the script); shell operators; a `$` the shell would expand; a last line without newline
      ['# --a\\\tb\tlinux-*\n#--c\\\n# --d\tlinux-amd64\n# --e \\x\n'],
      ['# --f\tlinux-amd64 | linux-i386\n# --g\n'],
      ['# --h\tlinux-amd64|\n# --i\n'],
      ['# --j\t|linux-arm64\n# --k\n'],
      ['# --l\tlinux-$1\n# --m\tlinux-a;md64\n# --n\n'],
      ['# --o\tlinux-#x\n# --p\n'],
      ['# --q\n# --r'],
      ['# --s\t\\\tlinux-*\n# --t\tlinux-amd64\n'],
      ['# --u\n# --v\\\n# not an option line\n'],
    ])('prints the same flags as the script for %j', (text) => {
      const control = join(tempDir('flagdiff-extract-'), 'control');
      writeFileSync(control, text);
      for (const arch of ['amd64', 'arm64']) {
        const expected = runScript(join(debian!, 'extract-config-opts'), `linux-${arch}`, control);
        expect(flagsOf(text, `linux-${arch}`, script), arch).toEqual(expected);
      }
    });
  });
});

describe('extract-config-opts without the script', () => {
  it('names the control line of every flag it prints', () => {
    const options = configOptionsFor(parseDebianControl('Source: q\n\n# --x --y\tlinux-*\n#--z\n', 'debian/control'), 'linux-amd64');
    expect(options).toEqual([
      { flag: '--x', line: 3 },
      { flag: '--y', line: 3 },
      { flag: '--z', line: 4 },
    ]);
  });
});
