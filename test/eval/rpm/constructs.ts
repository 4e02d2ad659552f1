// The rpm constructs the macro engine mirrors, one row each. RPM_OUTPUT (rpm-output.ts) holds the
// %build section as `rpmspec --parse` printed it for each row (rpm 4.18, Debian's package), written
// by scripts/rpm-construct-outputs.mjs; rpmspec-oracle.test.ts re-runs rpm on every row and checks
// it still prints exactly that, so the expected column is rpm's answer, not ours. Rows where
// flagdiff differs from rpm on purpose say so in `flagdiff`.

export interface Construct {
  readonly name: string;
  /** Lines between the tags and %description. */
  readonly preamble?: string;
  /** The body of %build. */
  readonly build: string;
  readonly arch?: string;
  /** `--define 'NAME BODY'`, `--with`, `--without`. */
  readonly defines?: ReadonlyArray<readonly [string, string]>;
  readonly with?: readonly string[];
  readonly without?: readonly string[];
  /** Where flagdiff answers otherwise on purpose: its answer and the codes it reports. */
  readonly flagdiff?: { readonly expected: string; readonly codes: readonly string[]; readonly why: string };
}

/** The spec around a row: the tags rpm needs, the row's preamble, %description, %build. */
export function specOf(row: Pick<Construct, 'preamble' | 'build'>): string {
  const tags = ['Name: demo', 'Version: 1.0', 'Release: 3', 'Summary: demo', 'License: MIT', 'Source1: https://example.org/dl/demo-1.0.tar.xz'];
  return `${tags.join('\n')}\n${row.preamble ? `${row.preamble}\n` : ''}%description\ndemo\n%build\n${row.build}\n`;
}

export const CONSTRUCTS: readonly Construct[] = [
  // name, preamble, build, arch, defines, with/without, flagdiff's own answer where it differs
  { name: 'define, %{name} and bare %name', preamble: '%define foo bar', build: 'echo %{foo} %foo x%{foo}y' },
  {
    name: '%define expands at each use, %global once',
    preamble: '%define v one\n%define lazy [%{v}]\n%global eager [%{v}]\n%define v two',
    build: 'echo %{lazy} %{eager}',
  },
  { name: 'multi-line %define: \\ continues, the newline stays', preamble: '%define multi a \\\n  b', build: 'echo %{multi} end' },
  {
    name: '\\\\\\ keeps a shell continuation in the body (Fedora disable_everything)',
    preamble: '%define disable_everything \\\\\\\n  --disable-a \\\\\\\n  --disable-b',
    build: '../configure \\\n  --prefix=%{_prefix} \\\n  %{disable_everything} \\\n  --enable-x',
  },
  { name: '%% is a percent sign', preamble: '%define foo bar', build: 'echo 100%% %%{foo} %%%{foo}' },
  { name: '%{nil}', build: 'echo a%{nil}b [%{nil}]' },
  { name: '%{?x} and %{!?x}', preamble: '%define foo bar', build: 'echo [%{?foo}] [%{?nope}] [%{!?foo}] [%{!?nope}]' },
  { name: '%{?x:...} and %{!?x:...}', preamble: '%define foo bar', build: 'echo %{?foo:yes}%{!?foo:no} %{?nope:yes}%{!?nope:no}' },
  {
    name: 'conditional expansion inside a value (jack_drv)',
    preamble: '%define jack_drv jack,',
    build: '--audio-drv-list=pipewire,pa,%{?jack_drv}oss --audio-drv-list=pa,%{?nojack}oss',
  },
  { name: '%{expand:...} expands twice', preamble: '%define foo bar\n%define ref foo', build: 'echo %{expand:%%{%{ref}}} %{expand:%%{?%{ref}:yes}}' },
  { name: '%{defined x} and %{undefined x}', preamble: '%define foo bar', build: 'echo %{defined foo} %{defined nope} %{undefined foo} %{undefined nope}' },
  {
    name: '%bcond_with, %bcond_without, %bcond and %{with}/%{without}',
    preamble: '%bcond_without check\n%bcond_with xen\n%bcond rbd 1\n%bcond gluster 0',
    build: 'echo %{with check} %{without check} %{with xen} %{with rbd} %{with gluster} [%{?with_xen}]',
  },
  {
    name: '--with and --without override the defaults',
    preamble: '%bcond_without check\n%bcond_with xen\n%bcond rbd 1',
    build: 'echo %{with check} %{with xen} %{with rbd}',
    with: ['xen'],
    without: ['check', 'rbd'],
  },
  {
    name: 'parametric macro: options, %1, %#, %*, %**, %0',
    preamble: '%define p(ab:) [%{-a} %{-b} %{-b*} %1 %2 %# %* %** %0]',
    build: 'echo %p -a -b v x y\necho %{p -b w}\necho %{p:one two}',
  },
  {
    name: 'bare macro holding quotes (firmwaredirs)',
    preamble: '%global firmwaredirs "%{_datadir}/qemu-firmware:%{_datadir}/ipxe/qemu"',
    build: '--firmwarepath="%firmwaredirs" --firmwarepath=%{firmwaredirs}',
  },
  ...['x86_64', 'aarch64'].map((arch) => ({
    name: `%if, %ifarch, %ifnarch inside a continued command (${arch})`,
    preamble: '%global target_list %{_arch}-softmmu',
    build: [
      'run_configure \\',
      '%if %{defined target_list}',
      '  --target-list="%{target_list}" \\',
      '%endif',
      '%if %{defined block_list}',
      '  --block-drv-rw-whitelist=%{block_list} \\',
      '%endif',
      '%ifarch %{ix86} x86_64',
      '  --enable-avx2 \\',
      '%endif',
      '%ifnarch %{arm}',
      '  --extra-cflags="%{optflags}" \\',
      '%else',
      '  --extra-cflags="%{optflags} -DARM" \\',
      '%endif',
      '  --enable-zstd',
    ].join('\n'),
    arch,
  })),
  {
    name: 'string comparison with an undefined macro and %{nil}',
    build: '%if "%{_lto_cflags}" != "%{nil}"\necho lto\n%else\necho no lto\n%endif',
  },
  {
    name: '%global of an escaped %%{nil} (RHEL _lto_cflags)',
    preamble: '%global _lto_cflags %%{nil}',
    build: '%if "%{_lto_cflags}" != "%{nil}"\necho lto\n%else\necho no lto\n%endif',
  },
  ...[undefined, '39', '36'].map((fedora) => ({
    name: `0%{?fedora} >= 37 with fedora ${fedora ?? 'undefined'}`,
    build: '%if 0%{?fedora} >= 37\necho new\n%else\necho old\n%endif',
    ...(fedora ? { defines: [['fedora', fedora]] as const } : {}),
  })),
  ...[undefined, '39'].map((fedora) => ({
    name: `%global have_x %{defined fedora} with fedora ${fedora ?? 'undefined'}`,
    preamble: '%global have_sdl_image %{defined fedora}',
    build: 'echo %{have_sdl_image}\n%if %{have_sdl_image}\n  --enable-sdl-image\n%endif',
    ...(fedora ? { defines: [['fedora', fedora]] as const } : {}),
  })),
  {
    name: 'indented %global inside %build joins the next line (qemu-mini spiceflag)',
    preamble: '%global have_spice 1',
    build: '%if %{have_spice}\n    %global spiceflag --enable-spice\n%else\n    %global spiceflag --disable-spice\n%endif\necho %{spiceflag}',
  },
  ...['x86_64', 's390x'].map((arch) => ({
    name: `trailing \\ before %endif and a blank line end the command (${arch})`,
    build: ['run \\', '    --a \\', '%ifarch s390x %{mips64}', '    --tci \\', '%endif', '%if 0%{?fedora} > 30', '    --slirp \\', '%endif', '', 'echo next'].join('\n'),
    arch,
    defines: [['fedora', '31']] as const,
  })),
  ...[[['rhel', '9']], [['fedora', '39']], []].map((defines) => ({
    name: `%elif ladder with ${JSON.stringify(defines)}`,
    build: '%if 0%{?rhel}\necho rhel\n%elif 0%{?fedora}\necho fedora\n%else\necho other\n%endif',
    defines: defines as Array<[string, string]>,
  })),
  {
    name: '%ifos, %ifnos, %elifarch',
    build: '%ifos linux\necho linux\n%endif\n%ifnos linux\necho not linux\n%endif\n%ifarch s390x\necho s390x\n%elifarch ppc64le\necho ppc\n%else\necho else\n%endif',
    arch: 'ppc64le',
  },
  ...['ppc64le', 'riscv64', 'aarch64'].map((arch) => ({
    name: `arch classes (${arch})`,
    build: [
      '%ifarch %{power64}',
      'echo power64',
      '%endif',
      '%ifarch %{arm64}',
      'echo arm64',
      '%endif',
      '%ifarch %{riscv}',
      'echo riscv',
      '%endif',
      '%ifarch %{mips} %{sparc} %{alpha}',
      'echo old',
      '%endif',
      '%ifarch X86_64 AARCH64',
      'echo upper case matches',
      '%endif',
    ].join('\n'),
    arch,
  })),
  ...['x86_64', 's390x'].map((arch) => ({
    name: `arch and path macros (${arch})`,
    build: 'echo %{_arch} %{_target_cpu} %{_target_os} %{_lib} %{_libdir} %{_isa}\necho %{_prefix} %{_bindir} %{_sbindir} %{_libexecdir} %{_datadir} %{_sysconfdir} %{_localstatedir} %{_mandir} %{_includedir} %{_docdir}',
    arch,
  })),
  {
    name: '%undefine pops one definition',
    preamble: '%define foo first\n%define foo second',
    build: 'echo %{foo}\n%undefine foo\necho %{foo}\n%undefine foo\necho [%{?foo}]',
  },
  {
    name: 'expressions: %[...] and %{expr:...}',
    build: 'echo %[1+2*3] %[(1+2)*3] %[ "a" + "b" ] %{expr:10/3} %[-7/2] %[0%{?fedora} >= 37 ? "new" : "old"] %[1 < 2] %["a" < "b"]',
    defines: [['fedora', '39']],
  },
  {
    name: '&& and || at one level, left to right',
    build: '%if 1 || 0 && 0\necho yes\n%else\necho no\n%endif\n%if !0 && !!1\necho yes\n%endif',
  },
  {
    name: 'version comparison',
    build: '%if v"8.1.1" >= v"8.0"\necho newer\n%endif\n%if v"1.0~rc1" < v"1.0"\necho tilde first\n%endif\n%if v"2:1.0" > v"1:9.9"\necho epoch wins\n%endif',
  },
  {
    name: 'text built-ins',
    build: 'echo %{basename:/a/b/c.tar.xz} %{dirname:/a/b/c} %{suffix:c.tar.xz} %{shrink:  a   b  } %{shescape:it\'s}',
  },
  { name: '%dnl drops the rest of the line', build: 'echo a %dnl the rest\necho b\n%dnl a whole line\necho c' },
  { name: 'comments in %build are expanded too', preamble: '%define foo bar', build: '# uses %{foo}\necho %{foo}' },
  {
    name: 'tags as macros, Source as %{SOURCE1}, %{S:1}',
    build: 'echo %{name} %{version} %{release} %{NAME} %{VERSION} %{summary} %{license}\necho %{SOURCE1} %{S:1} %{SOURCEURL1}',
    defines: [['_sourcedir', '/src']],
  },
  { name: 'a conditional ending in \\ swallows the next line', build: '%if 1 \\\n&& 0\necho yes\n%else\necho no\n%endif' },
  {
    name: 'nested conditionals',
    build: '%if 1\necho a\n%if 0\necho b\n%else\necho c\n%ifarch x86_64\necho d\n%endif\n%endif\necho e\n%endif',
  },
  { name: 'braced %define body', preamble: '%define braced {a %{?nil} b}', build: 'echo %{braced}' },
  {
    name: 'a %global with %if lines in its body (RHEL requires_all_modules)',
    preamble: '%global lines \\\n%ifarch x86_64 \\\necho x86 \\\n%else \\\necho other \\\n%endif \\\necho done',
    build: '%{lines}',
    arch: 'aarch64',
  },
  { name: '%-x and %{-x} outside a parametric macro are empty', build: 'echo [%{-x}] [%-x] [%{?-x:y}] [%{!-x:n}]' },
  { name: 'undefined macros stay as written', build: 'echo %{build_ldflags} --interp-prefix=%{_prefix}/qemu-%M %_nope %{?_nope}' },
  { name: '%{with} of a macro a --define gives', build: 'echo %{with foo}', defines: [['with_foo', '1']] },
  { name: '--define values are expanded where used', preamble: '%define base /opt', build: 'echo %{target}', defines: [['target', '%{base}/bin']] },
  {
    name: 'shell and Lua are not run',
    build: 'echo %(echo from-shell) %{lua: print("from-lua")} done',
    flagdiff: { expected: 'echo \uFFFC \uFFFC done\n', codes: ['FD320', 'FD321'], why: 'flagdiff runs no command from a spec' },
  },
  {
    name: 'a %global from a shell command stays unknown',
    build: '%global optflags %(echo -O2 | sed "s/-O2/-O1/")\necho %{optflags}',
    flagdiff: { expected: 'echo \uFFFC\n', codes: ['FD320'], why: 'flagdiff runs no command from a spec' },
  },
  {
    name: 'built-ins that ask the host are not evaluated',
    build: 'echo %{getenv:RPM_TEST_VALUE} %{exists:/nonexistent/flagdiff}',
    flagdiff: { expected: 'echo \uFFFC \uFFFC\n', codes: ['FD322'], why: 'the build host is not what the spec says' },
  },
];
