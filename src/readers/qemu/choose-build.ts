/**
 * Which configure invocation of a recipe to compare on an arch: the one `--build` names, else the one
 * that builds the arch's `qemu-system` binary. QEMU specs run their variants first (user-mode static,
 * a trimmed `build-mini`) and the main build last, and install each variant's binaries under another
 * name (`qemu-system-x86_64-mini`): when several build the system target, the last one is the binary
 * installed as `qemu-system-ARCH`. debian/rules runs its main build first (RecipeBuilds.installed).
 */
import type { Build, RecipeBuilds } from '../../model/build.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { InputError, diagnostic } from '../../model/diagnostic.js';
import { normalizeBuild } from './normalize-build.js';
import { selectDevices, systemTargetOf } from './select-devices.js';

export interface BuildChoice {
  readonly build: Build;
  /** FD190, when the recipe runs other invocations on the arch: which one was compared, and the others. */
  readonly note?: Diagnostic;
}

export function chooseQemuBuild(recipe: RecipeBuilds, id?: string): BuildChoice {
  const { arch, builds, source } = recipe;
  const binary = `qemu-system-${systemTargetOf(arch).replace(/-softmmu$/, '')}`;
  const produces = builds.map((build) => selectDevices(normalizeBuild(build), arch).built);
  const list = builds.map((build, i) => `${build.id} (${produces[i] ? binary : `no ${binary}`})`).join(', ') || 'none';
  const fail = (message: string) => {
    // A recipe that builds nothing on the arch says why in its own diagnostics (ExclusiveArch, no %build).
    const why = builds.length === 0 ? recipe.diagnostics.find((d) => d.level === 'error' || d.code === 'FD128' || d.code === 'FD129') : undefined;
    throw new InputError(diagnostic('FD191', why ? `${message}: ${why.message}` : message, { file: source, line: 0 }));
  };
  const index = id !== undefined ? builds.findIndex((build) => build.id === id) : recipe.installed === 'first' ? produces.indexOf(true) : produces.lastIndexOf(true);
  if (index === -1) {
    fail(id === undefined ? `no configure invocation builds ${binary} on ${arch}; its builds: ${list} (pick one with --build)` : `no build ${id} on ${arch}; its builds: ${list}`);
  }
  const build = builds[index]!;
  if (!produces[index]) fail(`${build.id} does not build ${binary} on ${arch}; its builds: ${list}`);
  if (builds.length === 1) return { build };
  const others = builds.flatMap((b, i) => (i === index ? [] : [`${b.id} (${produces[i] ? binary : `no ${binary}`})`]));
  const why = id === undefined ? `the ${recipe.installed === 'first' ? 'first' : 'last'} of its builds that makes ${binary}, the one installed under that name` : 'as --build asks';
  return { build, note: diagnostic('FD190', `compared ${build.id}, ${why}; the recipe also runs on ${arch}: ${others.join(', ')}`, build.origin) };
}
