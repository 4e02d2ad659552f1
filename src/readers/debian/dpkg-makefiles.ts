/**
 * What dpkg's own makefiles define for debian/rules (`include /usr/share/dpkg/pkg-info.mk` and the
 * others): they run dpkg's tools, whose answers flagdiff works out from the package's files instead.
 */
import type { DebianFacts } from './debian-commands.js';

/** The flags dpkg-buildflags would give: the build machine's dpkg decides them, so they stay unknown. */
const BUILDFLAGS = ['ASFLAGS', 'CFLAGS', 'CPPFLAGS', 'CXXFLAGS', 'OBJCFLAGS', 'OBJCXXFLAGS', 'GCJFLAGS', 'DFLAGS', 'FFLAGS', 'FCFLAGS', 'LDFLAGS'];

type DpkgPart = 'architecture' | 'buildflags' | 'pkg-info' | 'vendor';

/** What each of dpkg's makefiles defines; default.mk includes them all. */
const DPKG_MAKEFILES: Readonly<Record<string, readonly DpkgPart[]>> = {
  '/usr/share/dpkg/architecture.mk': ['architecture'],
  '/usr/share/dpkg/buildflags.mk': ['buildflags'],
  '/usr/share/dpkg/pkg-info.mk': ['pkg-info'],
  '/usr/share/dpkg/vendor.mk': ['vendor'],
  '/usr/share/dpkg/default.mk': ['architecture', 'buildflags', 'pkg-info', 'vendor'],
};

function dpkgVariables(part: DpkgPart, facts: DebianFacts): Record<string, string> {
  switch (part) {
    case 'architecture':
      return facts.architecture;
    case 'buildflags':
      return Object.fromEntries(BUILDFLAGS.map((flag) => [flag, `$(shell dpkg-buildflags --get ${flag})`]));
    case 'pkg-info':
      // pkg-info.mk also gives rules dpkg_late_eval (bullseye's QEMU rules get BUILD_PACKAGES through it): a
      // command's output, which here is always the same, so it needs no cache.
      return { ...facts.packageInfo, dpkg_late_eval: '$(shell $(2))' };
    case 'vendor':
      return facts.vendor === 'ubuntu' ? { DEB_VENDOR: 'Ubuntu', DEB_PARENT_VENDOR: 'Debian' } : { DEB_VENDOR: 'Debian', DEB_PARENT_VENDOR: '' };
  }
}

/** The variables a dpkg makefile defines (values as make text), or undefined for a file that is not one of them. */
export function dpkgMakefile(path: string, facts: DebianFacts): Record<string, string> | undefined {
  const parts = DPKG_MAKEFILES[path];
  return parts && Object.assign({}, ...parts.map((part) => dpkgVariables(part, facts)));
}
