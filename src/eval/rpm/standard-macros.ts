/**
 * The macros every spec sees before its own: the distribution-neutral part of rpm 4.18's
 * `macros` file and of its per-arch `platform/<arch>-linux/macros`. Macros whose value belongs to a
 * distribution or to the build host (`%optflags`, `%__cc`, `%build_ldflags`, `%_smp_mflags`,
 * `%fedora`, `%rhel`, `%_host`, `%__meson`) are left out: a spec that uses them keeps them as
 * written, as rpm does with any undefined macro, until the caller defines them (`--define`).
 * One value is the distributions' rather than rpm's own default: `%_sharedstatedir` is /var/lib, as
 * in the rpm that Red Hat's and Mandriva's families build (their rpm.spec configures rpm with
 * `--sharedstatedir=%{_var}/lib`), where rpm alone, and Debian's rpm package, say /usr/com.
 */

/**
 * rpm's macros file, the parts kept, in its own syntax (`\` continues a line, `\\\` keeps one).
 * Shell's `${` is written `@{` here, since a template literal would read it.
 */
export const RPM_MACROS = String.raw`
%nil			%{!?nil}
%defined()	%{expand:%%{?%{1}:1}%%{!?%{1}:0}}
%undefined()	%{expand:%%{?%{1}:0}%%{!?%{1}:1}}
%bcond()	%[ (%2)\
    ? "%{expand:%%{!?_without_%{1}:%%global with_%{1} 1}}"\
    : "%{expand:%%{?_with_%{1}:%%global with_%{1} 1}}"\
]
%bcond_with()		%bcond %{1} 0
%bcond_without()	%bcond %{1} 1
%with()		%{expand:%%{?with_%{1}:1}%%{!?with_%{1}:0}}
%without()	%{expand:%%{?with_%{1}:0}%%{!?with_%{1}:1}}
%ix86   i386 i486 i586 i686 pentium3 pentium4 athlon geode
%arm32	armv3l armv4b armv4l armv4tl armv5tl armv5tel armv5tejl armv6l armv6hl armv7l armv7hl armv7hnl armv8l armv8hl armv8hnl armv8hcnl
%arm	%{arm32}
%arm64	aarch64
%mips32	mips mipsel mipsr6 mipsr6el
%mips64	mips64 mips64el mips64r6 mips64r6el
%mipseb	mips mipsr6 mips64 mips64r6
%mipsel	mipsel mipsr6el mips64el mips64r6el
%mips	%{mips32} %{mips64}
%sparc sparc sparcv8 sparcv9 sparcv9v sparc64 sparc64v
%alpha	alpha alphaev56 alphaev6 alphaev67
%power64	ppc64 ppc64p7 ppc64le
%riscv32	riscv32
%riscv64	riscv64
%riscv128	riscv128
%riscv		%{riscv32} %{riscv64} %{riscv128}
%loongarch64	loongarch64
%_usr			/usr
%_var			/var
%_prefix		/usr
%_exec_prefix		%{_prefix}
%_bindir		%{_exec_prefix}/bin
%_sbindir		%{_exec_prefix}/sbin
%_libexecdir		%{_exec_prefix}/libexec
%_datarootdir		%{_prefix}/share
%_datadir		%{_prefix}/share
%_sysconfdir		/etc
%_sharedstatedir	/var/lib
%_localstatedir		/var
%_libdir		%{_prefix}/%{_lib}
%_includedir		%{_prefix}/include
%_oldincludedir		/usr/include
%_infodir		%{_datadir}/info
%_mandir		%{_datadir}/man
%_initddir		%{_sysconfdir}/init.d
%_rundir		/run
%_defaultdocdir		%{_datadir}/doc
%_docdir		%{_defaultdocdir}
%_target_os		linux
%_os			linux
%__isa			%{__isa_name}-%{__isa_bits}
%_isa			%{?__isa:(%{__isa})}%{!?__isa:%{nil}}
%_configure ./configure
%set_build_flags \
  CFLAGS="@{CFLAGS:-%{?build_cflags}}" ; export CFLAGS ; \
  CXXFLAGS="@{CXXFLAGS:-%{?build_cxxflags}}" ; export CXXFLAGS ; \
  FFLAGS="@{FFLAGS:-%{?build_fflags}}" ; export FFLAGS ; \
  FCFLAGS="@{FCFLAGS:-%{?build_fflags}}" ; export FCFLAGS ; \
  LDFLAGS="@{LDFLAGS:-%{?build_ldflags}}" ; export LDFLAGS
%configure \
  %{set_build_flags}; \
  %{_configure} --host=%{_host} --build=%{_build} \\\
	--program-prefix=%{?_program_prefix} \\\
	--disable-dependency-tracking \\\
	--prefix=%{_prefix} \\\
	--exec-prefix=%{_exec_prefix} \\\
	--bindir=%{_bindir} \\\
	--sbindir=%{_sbindir} \\\
	--sysconfdir=%{_sysconfdir} \\\
	--datadir=%{_datadir} \\\
	--includedir=%{_includedir} \\\
	--libdir=%{_libdir} \\\
	--libexecdir=%{_libexecdir} \\\
	--localstatedir=%{_localstatedir} \\\
	--sharedstatedir=%{_sharedstatedir} \\\
	--mandir=%{_mandir} \\\
	--infodir=%{_infodir}
`.replaceAll('@{', '${');

/** What `platform/<arch>-linux/macros` says of each arch flagdiff knows (`_lib` is lib64 on all of them). */
const PLATFORMS: Readonly<Record<string, { readonly isaName: string; readonly isaBits: number }>> = {
  x86_64: { isaName: 'x86', isaBits: 64 },
  aarch64: { isaName: 'aarch', isaBits: 64 },
  s390x: { isaName: 's390', isaBits: 64 },
  ppc64le: { isaName: 'ppc', isaBits: 64 },
  riscv64: { isaName: 'riscv', isaBits: 64 },
};

/** The per-arch definitions rpm's `--target ARCH` makes, in macros-file syntax. */
export function platformMacros(arch: string): string {
  const platform = PLATFORMS[arch];
  const lines = [`%_arch ${arch}`, `%_target_cpu ${arch}`, `%_build_arch ${arch}`];
  if (platform) lines.push(`%__isa_name ${platform.isaName}`, `%__isa_bits ${platform.isaBits}`, `%_lib lib64`);
  else lines.push('%_lib lib');
  return lines.join('\n');
}
