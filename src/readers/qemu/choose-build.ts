/**
 * Which configure invocation of a recipe to compare on an arch: the one `--build` names, else the one
 * that builds the arch's `qemu-system` binary. QEMU specs run their variants first (user-mode static,
 * a trimmed `build-mini`) and the main build last, and install each variant's binaries under another
 * name (`qemu-system-x86_64-mini`): when several build the system target, the last one is the binary
 * installed as `qemu-system-ARCH`. debian/rules runs its main build first (RecipeBuilds.installed).
 * A `--static` build is the exception: Fedora's (QEMU 11) builds its static system emulators after
 * the main build and installs them as `qemu-system-ARCH-static`, so a dynamic build is taken first.
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
  const normalized = builds.map((build) => normalizeBuild(build));
  const produces = normalized.map((config) => selectDevices(config, arch).built);
  const label = (i: number) => `${builds[i]!.id} (${produces[i] === 'unknown' ? `${binary}? its target list is unknown` : produces[i] ? binary : `no ${binary}`})`;
  const list = builds.map((_, i) => label(i)).join(', ') || 'none';
  const fail = (message: string) => {
    // A recipe that builds nothing on the arch says why in its own diagnostics (ExclusiveArch, no %build).
    const why = builds.length === 0 ? recipe.diagnostics.find((d) => d.level === 'error' || d.code === 'FD128' || d.code === 'FD129') : undefined;
    throw new InputError(diagnostic('FD191', why ? `${message}: ${why.message}` : message, { file: source, line: 0 }));
  };
  // A build that surely makes the binary wins; one whose target list is unknown may make it, and is
  // compared only when none surely does (its targets and devices are then unknown, not missing).
  // Among those, a dynamic build before a static one.
  const dynamic = normalized.map((config) => config.settings.get('static')?.value !== 'true');
  const pickAmong = (value: true | 'unknown', wanted: (i: number) => boolean) => {
    const order = builds.map((_, i) => i).filter((i) => produces[i] === value && wanted(i));
    return (recipe.installed === 'first' ? order[0] : order[order.length - 1]) ?? -1;
  };
  const pick = (value: true | 'unknown') => {
    const dynamicPick = pickAmong(value, (i) => dynamic[i]!);
    return dynamicPick !== -1 ? dynamicPick : pickAmong(value, () => true);
  };
  const index = id !== undefined ? builds.findIndex((build) => build.id === id) : pick(true) !== -1 ? pick(true) : pick('unknown');
  if (index === -1) {
    fail(id === undefined ? `no configure invocation builds ${binary} on ${arch}; its builds: ${list} (pick one with --build)` : `no build ${id} on ${arch}; its builds: ${list}`);
  }
  const build = builds[index]!;
  if (!produces[index]) fail(`${build.id} does not build ${binary} on ${arch}; its builds: ${list}`);
  const maybe = produces[index] === 'unknown' ? `, which may build ${binary}: its target list is unknown` : '';
  if (builds.length === 1) return maybe ? { build, note: diagnostic('FD190', `compared ${build.id}${maybe}`, build.origin) } : { build };
  const others = builds.flatMap((_, i) => (i === index ? [] : [label(i)]));
  const order = recipe.installed === 'first' ? 'first' : 'last';
  const kind = dynamic[index] && builds.some((_, i) => !dynamic[i] && produces[i] === true) ? 'dynamic builds' : 'builds';
  const why = id !== undefined ? 'as --build asks' : maybe ? `the ${order} of its ${kind} that may make ${binary}` : `the ${order} of its ${kind} that makes ${binary}, the one installed under that name`;
  return { build, note: diagnostic('FD190', `compared ${build.id}${maybe}, ${why}; the recipe also runs on ${arch}: ${others.join(', ')}`, build.origin) };
}
