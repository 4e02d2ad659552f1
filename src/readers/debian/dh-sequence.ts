/**
 * debian/rules written for debhelper's `dh` (`%:` then `dh $@`): `debian/rules build-arch` runs `dh
 * build-arch`, whose configure step is `dh_auto_configure`, or the rules' `override_dh_auto_configure`
 * target, between `execute_before_dh_auto_configure` and `execute_after_dh_auto_configure`. For a source
 * tree with a `configure` script, dh_auto_configure runs it with debhelper's standard options for the
 * package's compat level, then the ones after `--` (Debian::Debhelper::Buildsystem::autoconf).
 */
import type { MakeRule, Makefile } from '../../eval/make/evaluate-makefile.js';

export interface DhSequence {
  /** The `%` rule's `dh` line, where dh's own defaults are said to be written. */
  readonly rule: MakeRule;
  /** dh's options (`--builddirectory=build`), which it hands to each command it runs. */
  readonly options: string;
  /** In order: a rule of the rules file to run (with its prerequisites), or `dh_auto_configure` itself. */
  readonly steps: ReadonlyArray<MakeRule | 'dh_auto_configure'>;
}

/** How `debian/rules build-arch` reaches configure through dh, or undefined when the rules do not use dh. */
export function dhSequence(makefile: Makefile): DhSequence | undefined {
  const rule = makefile.rules.get('%');
  if (!rule) return undefined;
  const line = makefile.expandRecipe(rule, 'build-arch').find((l) => /^dh\s/.test(l.text.trim()));
  if (!line) return undefined;
  const options = line.text.trim().split(/\s+/).slice(2).filter((word) => word.startsWith('-') && !/^--with(out)?\b/.test(word));
  const own = (name: string) => makefile.rules.get(`${name}-arch`) ?? makefile.rules.get(name);
  const override = own('override_dh_auto_configure');
  const steps: Array<MakeRule | 'dh_auto_configure'> = [];
  const configure: MakeRule | 'dh_auto_configure' = override ?? 'dh_auto_configure';
  for (const step of [own('execute_before_dh_auto_configure'), configure, own('execute_after_dh_auto_configure')]) if (step) steps.push(step);
  return { rule, options: options.join(' '), steps };
}

/**
 * A shell function that does what dh_auto_configure does for an autoconf-style `configure`: dh's options
 * and its own (before `--`) pick the build directory; the words after `--` follow debhelper's options.
 */
export function dhAutoConfigureFunction(dhOptions: string, architecture: Readonly<Record<string, string>>, compat: number, source: string): string {
  const build = architecture.DEB_BUILD_GNU_TYPE ?? '';
  const host = architecture.DEB_HOST_GNU_TYPE ?? '';
  const multiarch = architecture.DEB_HOST_MULTIARCH;
  const options = [
    `--build=${build}`,
    '--prefix=/usr',
    '--includedir=${prefix}/include',
    '--mandir=${prefix}/share/man',
    '--infodir=${prefix}/share/info',
    '--sysconfdir=/etc',
    '--localstatedir=/var',
    '--disable-option-checking',
    '--disable-silent-rules',
    ...(compat > 8 ? [`--libdir=\${prefix}/lib/${multiarch}`, ...(compat <= 11 ? [`--libexecdir=\${prefix}/lib/${multiarch}`] : [])] : [`--libexecdir=\${prefix}/lib/${source}`]),
    ...(compat > 10 ? ['--runstatedir=/run'] : []),
    '--disable-maintainer-mode',
    '--disable-dependency-tracking',
    ...(build !== host ? [`--host=${host}`] : []),
  ];
  const quoted = options.map((o) => `'${o}'`).join(' ');
  return [
    'dh_auto_configure() {',
    // dh hands its own options to the commands it runs, overrides included (DH_INTERNAL_OPTIONS).
    `  set -- ${dhOptions} "$@"`,
    '  dir=',
    '  while [ $# -gt 0 ]; do',
    '    case "$1" in',
    '      --) shift; break ;;',
    `      -B) dir=obj-${host}; shift ;;`,
    '      -B*) dir=${1#-B}; shift ;;',
    '      --builddirectory=*) dir=${1#*=}; shift ;;',
    '      *) shift ;;',
    '    esac',
    '  done',
    `  if [ -n "$dir" ]; then mkdir -p "$dir"; cd "$dir"; ../configure ${quoted} "$@"; else ./configure ${quoted} "$@"; fi`,
    '}',
  ].join('\n');
}

/** debhelper's compat level: `debhelper-compat (= N)` in debian/control's Build-Depends, else debian/compat. */
export function compatLevel(controlText: string, compatFile: string | undefined): number | undefined {
  const declared = /debhelper-compat\s*\(\s*=\s*(\d+)\s*\)/.exec(controlText)?.[1] ?? compatFile?.trim();
  return declared && /^\d+$/.test(declared) ? Number(declared) : undefined;
}
