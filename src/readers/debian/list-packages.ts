/**
 * The binary packages a build on one arch makes: what `dh_listpackages` prints, and so the packages
 * debian/rules' per-package targets and `dh` sequences work on. debhelper keeps a package when its
 * Build-Profiles formula holds for the active profiles and its Architecture is `all`, `any`, or names
 * the host arch by name or by a dpkg wildcard (Dpkg::Arch debarch_is).
 */
import { debianArchTuple } from './debian-arch.js';
import type { DebianControl, DebianPackage } from './debian-control.js';

export interface ListPackagesOptions {
  /** Active build profiles, as DEB_BUILD_PROFILES would name them (`nocheck`, `pkg.qemu.omit-system`). */
  readonly profiles?: readonly string[];
}

/** The packages dh_listpackages prints for a native build on `debianArch`, in debian/control's order. */
export function listPackages(control: DebianControl, debianArch: string, options: ListPackagesOptions = {}): string[] {
  const profiles = options.profiles ?? [];
  return control.packages.filter((p) => profilesAllow(p, profiles) && architectureAllows(p, debianArch)).map((p) => p.name);
}

/** debhelper: `all` and `any` alone are built; otherwise any word that debarch_is the host arch. */
function architectureAllows(pkg: DebianPackage, host: string): boolean {
  const field = pkg.architecture.join(' ');
  if (field === 'all' || field === 'any') return true;
  return pkg.architecture.some((alias) => debarchIs(host, alias));
}

/** Dpkg::Arch::debarch_to_debtuple: `linux-amd64` is read as `amd64`. */
const withoutLinux = (arch: string) => /^linux-([^-]*)/.exec(arch)?.[1] ?? arch;

/**
 * Dpkg::Arch::debarch_is: the same name, `any`, or a wildcard whose tuple matches the host's field by
 * field (`any` matching every value). A name is the same arch only when it is the same name, since
 * dpkg's tuple table gives every arch its own tuple; a host missing from the table matches no wildcard.
 */
function debarchIs(real: string, alias: string): boolean {
  if (alias === real || alias === 'any') return true;
  const tuple = debianArchTuple(withoutLinux(real));
  if (!tuple) return false;
  const wildcard = wildcardTuple(alias);
  if (!wildcard) return withoutLinux(alias) === withoutLinux(real);
  return wildcard.every((field, i) => field === 'any' || field === tuple[i]);
}

/** Dpkg::Arch::debwildcard_to_debtuple for a word with an `any` field: missing leading fields are `any`. */
function wildcardTuple(alias: string): string[] | undefined {
  const parts = alias.split('-');
  const fields = parts.length > 4 ? [...parts.slice(0, 3), parts.slice(3).join('-')] : parts;
  if (!fields.includes('any')) return undefined;
  if (fields.length === 1) return ['any', 'any', 'any', 'any'];
  return [...Array<string>(4 - fields.length).fill('any'), ...fields];
}

/** Dpkg::BuildProfiles::parse_build_profiles: `<a !b> <c>` is [[a, !b], [c]]. */
function parseBuildProfiles(text: string): string[][] {
  const inner = text.replace(/^\s*<\s*(.*)\s*>\s*$/, '$1');
  const groups = inner === '' ? [] : inner.split(/\s*>\s+<\s*/);
  while (groups.length > 0 && groups[groups.length - 1] === '') groups.pop();
  return groups.map((group) => group.split(/\s+/).filter(Boolean));
}

/**
 * Dpkg::BuildProfiles::evaluate_restriction_formula: some group has every term satisfied; `!name`
 * holds when the profile is not active. A field with no group restricts nothing, as in debhelper.
 */
function profilesAllow(pkg: DebianPackage, profiles: readonly string[]): boolean {
  if (pkg.buildProfiles === undefined) return true;
  const formula = parseBuildProfiles(pkg.buildProfiles);
  if (formula.length === 0) return true;
  return formula.some((group) =>
    group.every((term) => {
      const [, bang, name] = /^(!)?(.+)/.exec(term)!;
      return profiles.includes(name!) !== (bang === '!');
    }),
  );
}
