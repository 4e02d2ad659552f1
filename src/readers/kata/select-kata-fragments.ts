/**
 * Which fragments build-kernel.sh merges, and in which order (`get_kernel_frag_path`): common/*.conf
 * without the files that contain `!<kernel arch>` (and `!confidential` with -x) anywhere, then
 * <arch>/*.conf, then build-type/<type>/**, the GPU template, cryptsetup.conf (-m), <arch>/confidential/*.conf
 * and tmpfs.conf (-x), module_signing.conf (KBUILD_SIGN_PIN), debug/*.conf (KERNEL_DEBUG_ENABLED=yes).
 * Globs list in byte order, as in the C locale of Kata's build container.
 */
import type { Arch } from '../../model/arch.js';
import { ARCHES, kernelArchOf } from '../../model/arch.js';

/** The names build-kernel.sh puts after `!` in its `grep -L` of common/*.conf. */
export const EXCLUSION_NAMES: readonly string[] = [...ARCHES.map(kernelArchOf), 'confidential'];
/** The only variable build-kernel.sh exports before running envsubst on a `.conf.in` (always empty). */
export const TEMPLATE_VARIABLES: Readonly<Record<string, string>> = { CONF_GUEST_SUFFIX: '' };

/** The build-kernel.sh options and environment that choose fragments. */
export interface KernelBuildOptions {
  /** `-x`: conf_guest="confidential". */
  readonly confidential?: boolean;
  /** `-m`: measured rootfs. */
  readonly measured?: boolean;
  /** `-g VENDOR`. */
  readonly gpu?: string;
  /** `-b TYPE`, or `-e -t dragonball` (dragonball-experimental). */
  readonly buildType?: string;
  /** KERNEL_DEBUG_ENABLED=yes. */
  readonly debug?: boolean;
  /** A non-empty KBUILD_SIGN_PIN. */
  readonly signing?: boolean;
}

/** Flavours by name; `a+b` combines them. Build types are flavours too, named after their directory. */
const FLAVORS: Readonly<Record<string, KernelBuildOptions>> = {
  plain: {},
  confidential: { confidential: true },
  measured: { measured: true },
  'nvidia-gpu': { gpu: 'nvidia' },
  debug: { debug: true },
  signing: { signing: true },
};

/**
 * kata-deploy's shipped "kernel" (kata-deploy-binaries.sh install_kernel, static-build/kernel/build.sh):
 * x86_64, aarch64 and s390x are built with -x, and CONFIDENTIAL_GUEST=yes adds -m; the others plainly.
 */
const KATA_DEPLOY: Readonly<Partial<Record<Arch, KernelBuildOptions>>> = {
  x86_64: { confidential: true, measured: true },
  aarch64: { confidential: true, measured: true },
  s390x: { confidential: true, measured: true },
};

/** Flavour names for a tree: the fixed ones, `kata-deploy`, and one per build-type directory. */
export function kernelFlavorNames(paths: readonly string[]): string[] {
  const buildTypes = new Set(paths.flatMap((p) => /^build-type\/([^/]+)\//.exec(p)?.[1] ?? []));
  return [...Object.keys(FLAVORS), 'kata-deploy', ...[...buildTypes].sort()];
}

/** The options a flavour name stands for (`confidential+measured` combines two), or `undefined`. */
export function kernelOptionsOf(flavor: string, arch: Arch, paths: readonly string[]): KernelBuildOptions | undefined {
  const names = kernelFlavorNames(paths);
  let options: KernelBuildOptions = {};
  for (const name of flavor.split('+')) {
    if (!names.includes(name)) return undefined;
    const more = name === 'kata-deploy' ? (KATA_DEPLOY[arch] ?? {}) : (FLAVORS[name] ?? { buildType: name });
    if (more.buildType && options.buildType && more.buildType !== options.buildType) return undefined;
    options = { ...options, ...more };
  }
  return options;
}

export type FragmentSelection = { readonly paths: readonly string[] } | { readonly error: string };

/** The fragments in merge order, or why build-kernel.sh would stop (`die`, or a failing `ls` under errexit). */
export function selectKataFragments(
  paths: readonly string[],
  exclusions: Readonly<Record<string, readonly string[]>>,
  arch: Arch,
  options: KernelBuildOptions,
): FragmentSelection {
  const karch = kernelArchOf(arch);
  const inDir = (dir: string) => paths.filter((p) => p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes('/') && p.endsWith('.conf'));
  const archConfigs = inDir(karch);
  if (archConfigs.length === 0) return { error: `no ${karch}/*.conf fragments: build-kernel.sh would use a full ${karch}_kata_kvm_<version>.x config instead` };
  const excluded = [karch, ...(options.confidential ? ['confidential'] : [])];
  const selected = [...inDir('common').filter((p) => !excluded.some((name) => exclusions[p]?.includes(name))), ...archConfigs];
  if (options.buildType) {
    const dir = `build-type/${options.buildType}/`;
    const extra = paths.filter((p) => p.startsWith(dir) && p.endsWith('.conf'));
    if (extra.length === 0) return { error: `No extra configs found in build-type/${options.buildType}` };
    selected.push(...extra);
  }
  if (options.gpu) {
    const template = `gpu/${options.gpu}.${karch}.conf.in`;
    if (!paths.includes(template)) return { error: `${template} does not exist: envsubst has nothing to read for -g ${options.gpu}` };
    selected.push(template);
  }
  const required = (path: string, why: string): string | undefined => (paths.includes(path) ? undefined : `${path} does not exist (${why})`);
  if (options.measured) {
    const missing = required('common/confidential_containers/cryptsetup.conf', '-m');
    if (missing) return { error: missing };
    selected.push('common/confidential_containers/cryptsetup.conf');
  }
  if (options.confidential) {
    const confidential = inDir(`${karch}/confidential`);
    if (confidential.length === 0) return { error: `no ${karch}/confidential/*.conf: build-kernel.sh -x fails for ${arch}` };
    const missing = required('common/confidential_containers/tmpfs.conf', '-x');
    if (missing) return { error: missing };
    selected.push(...confidential, 'common/confidential_containers/tmpfs.conf');
  }
  if (options.signing) {
    const missing = required('common/signing/module_signing.conf', 'KBUILD_SIGN_PIN');
    if (missing) return { error: missing };
    selected.push('common/signing/module_signing.conf');
  }
  if (options.debug) selected.push(...inDir('debug'));
  return { paths: selected };
}
