/** Runs rpm's own parser on a spec text, as the oracle for flagdiff's macro engine. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rpmspec } from './oracles.js';
import { tempDir } from './temp-dir.js';

export interface RpmspecArgs {
  readonly arch?: string;
  readonly defines?: ReadonlyArray<readonly [string, string]>;
  readonly with?: readonly string[];
  readonly without?: readonly string[];
  /** Macros rpm defines from its build host's configuration, which flagdiff leaves undefined. */
  readonly undefine?: readonly string[];
  /** `--load FILE`: macro files, read before `--define` as rpm does. */
  readonly load?: readonly string[];
}

export interface RpmspecRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Macros rpm takes from its host's configuration (rpmrc, platform file, macros file) and flagdiff
 * leaves as written. rpm is told to print them as written too (`%%{optflags}` is the text
 * %{optflags}), so that a comparison is of the expansion, not of two hosts.
 */
export const HOST_MACROS: ReadonlyArray<readonly [string, string]> = [
  ['optflags', '%%{optflags}'],
  ['__cc', '%%{__cc}'],
  ['_builddir', '%%{_builddir}'],
  ['make_build', '%%make_build'],
  ['make_install', '%%make_install'],
  ['_smp_mflags', '%{nil}'],
  // %configure's --host and --build: the build machine's
  ['_host', '%%{_host}'],
  ['_build', '%%{_build}'],
];

/**
 * Values flagdiff takes from the distributions that ship QEMU as rpm where rpm's own default, which
 * Debian's rpm keeps, differs (standard-macros.ts): given to rpm so that both read the same platform.
 */
export const DISTRIBUTION_MACROS: ReadonlyArray<readonly [string, string]> = [['_sharedstatedir', '/var/lib']];

const work = tempDir('flagdiff-rpmspec-');
let count = 0;

/** `rpmspec --parse --target ARCH ...` on the text, in a clean environment. */
export function runRpmspec(text: string, args: RpmspecArgs = {}, file?: string): RpmspecRun {
  const path = file ?? join(work, `spec-${count++}.spec`);
  if (!file) writeFileSync(path, text);
  const argv = ['--parse', '--target', args.arch ?? 'x86_64'];
  for (const file of args.load ?? []) argv.push('--load', file);
  for (const [name, body] of args.defines ?? []) argv.push('--define', `${name} ${body}`);
  for (const name of args.with ?? []) argv.push('--with', name);
  for (const name of args.without ?? []) argv.push('--without', name);
  for (const name of args.undefine ?? []) argv.push('--undefine', name);
  argv.push(path);
  try {
    const stdout = execFileSync(rpmspec!, argv, { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: work, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    return { status: e.status ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The %build section of a --parse output whose %build is its last section: what follows its header. */
export function buildSection(parsed: string): string {
  const at = parsed.indexOf('\n%build\n');
  if (at === -1) throw new Error(`no %build header in:\n${parsed}`);
  return parsed.slice(at + '\n%build\n'.length);
}
