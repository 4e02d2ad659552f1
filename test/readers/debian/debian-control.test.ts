// debian/control against dpkg's own reader (Dpkg::Control::Info, perl) for the packages, and against
// sed and dash's `read` for the configure-option comment lines, on QEMU 7.2's and 10.0's real files.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/model/diagnostic.js';
import { parseDebianControl } from '../../../src/readers/debian/debian-control.js';
import { fixture } from '../../helpers/corpus.js';
import { DEBIAN_SERIES, debianPackaging, debianPackagingMissing, debianTool } from '../../helpers/debian-packaging.js';
import { tempDir } from '../../helpers/temp-dir.js';

const perl = debianTool('perl', 'perl-base');
const sh = debianTool('sh', 'dash');
const words = (text: string) => text.split(/\s+/).filter(Boolean);

const DPKG_PACKAGES = `use Dpkg::Control::Info;
for my $p (Dpkg::Control::Info->new($ARGV[0])->get_packages()) {
  print join("\\t", $p->{Package}, map { s/\\s+/ /gr } $p->{Architecture} // '', $p->{'Build-Profiles'} // ''), "\\n";
}`;

/** Package, Architecture and Build-Profiles of each binary package, as dpkg reads them. */
function dpkgPackages(control: string): string[][] {
  const run = spawnSync(perl.path!, ['-e', DPKG_PACKAGES, control], { encoding: 'utf8' });
  return run.stdout.split('\n').filter(Boolean).map((line) => line.split('\t'));
}

/** Line number, f and p of each option line, as the script's sed and `while IFS=<TAB> read f p x` see them. */
function scriptFields(control: string): string[][] {
  const numbers = join(tempDir('flagdiff-control-'), 'lines');
  const fields = `while IFS='\t' read f p x; do printf '%s\\t%s\\n' "$f" "$p"; done`;
  const script = `sed -n '/^# \\?--/=' "$1" > "$2"; sed -n 's/^# \\?--/--/p' "$1" | ${fields} | paste "$2" -`;
  const run = spawnSync(sh.path!, ['-c', script, 'sh', control, numbers], { encoding: 'utf8' });
  return run.stdout.split('\n').filter(Boolean).map((line) => line.split('\t'));
}

const ready = perl.path && sh.path;
describe.skipIf(!ready)(`debian/control against dpkg and dash${ready ? '' : ` (skipped: ${perl.missing}; ${sh.missing})`}`, () => {
  for (const series of DEBIAN_SERIES) {
    const debian = debianPackaging(series);
    describe.skipIf(!debian)(`QEMU ${series}${debian ? '' : ` (skipped: ${debianPackagingMissing(series)})`}`, () => {
      // A skipped suite's body still runs to collect its tests: read nothing when the packaging is missing.
      const file = join(debian ?? '.', 'control');
      const control = debian ? parseDebianControl(readFileSync(file, 'utf8'), 'debian/control') : parseDebianControl('', 'none');

      it('reads the binary packages dpkg reads, with their Architecture and Build-Profiles', () => {
        const expected = dpkgPackages(file);
        expect(expected.length).toBeGreaterThan(10);
        expect(control.packages.map((p) => [p.name, p.architecture.join(' '), (p.buildProfiles ?? '').trim()])).toEqual(expected);
      });

      it('places each package at the line of its Package field', () => {
        const lines = readFileSync(file, 'utf8').split('\n');
        for (const pkg of control.packages) expect(lines[pkg.line - 1]).toBe(`Package: ${pkg.name}`);
      });

      it('splits the option lines as the script reads them', () => {
        const expected = scriptFields(file);
        expect(expected.length).toBeGreaterThan(30);
        expect(control.configOptions.map((o) => [String(o.line), o.flags, o.patterns])).toEqual(expected.map(([line, f, p]) => [line, words(f!), words(p!)]));
      });
    });
  }

  it('splits the fixture option lines as the script reads them', () => {
    const file = fixture('debian/config-opts.control');
    const control = parseDebianControl(readFileSync(file, 'utf8'), 'config-opts.control');
    const expected = scriptFields(file).map(([line, f, p]) => [line, words(f!), words(p!)]);
    expect(control.configOptions.map((o) => [String(o.line), o.flags, o.patterns])).toEqual(expected);
    expect(control.packages.map((p) => p.name)).toEqual(dpkgPackages(file).map(([name]) => name));
  });
});

describe('debian/control that debhelper refuses', () => {
  it.each([
    // text, line the error names
    ['Source: q\n\nPackage: a\nnot a field\n', 4],
    ['Source: q\n\n  continued\n', 3],
    ['Source: q\n\nArchitecture: any\n', 3],
    ['Source: q\n\nPackage: a\nArchitecture: any\narchitecture: all\n', 5],
  ])('rejects %j at line %i', (text, line) => {
    const read = () => parseDebianControl(text, 'debian/control');
    expect(read).toThrow(InputError);
    expect(read).toThrow(`debian/control:${line}:`);
  });

  it('joins continuation lines and keeps comment lines out of fields', () => {
    const text = 'Source: q\n\nPackage: a\nArchitecture: amd64\n# arm64\n i386\nBuild-Profiles: <!nocheck>\n <pkg.q.x>\n';
    const control = parseDebianControl(text, 'debian/control');
    expect(control.packages).toEqual([{ name: 'a', architecture: ['amd64', 'i386'], buildProfiles: '<!nocheck> <pkg.q.x>', line: 3 }]);
  });
});
