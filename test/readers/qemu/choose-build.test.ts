import { describe, expect, it } from 'vitest';
import type { Build, RecipeBuilds } from '../../../src/model/build.js';
import { InputError } from '../../../src/model/diagnostic.js';
import { chooseQemuBuild } from '../../../src/readers/qemu/choose-build.js';

const origin = { file: 'qemu.spec', line: 1 };
const build = (id: string, ...words: string[]): Build => ({ id, arch: 'x86_64', tool: 'configure', argv: words.map((text) => ({ text, origin })), origin });
const recipe = (...builds: Build[]): RecipeBuilds => ({ source: 'qemu.spec', arch: 'x86_64', builds, diagnostics: [] });

const STATIC = build('build-static', '--disable-system', '--enable-linux-user', '--static');
const MINI = build('build-mini', '--target-list=x86_64-softmmu', '--enable-kvm');
const DYNAMIC = build('build-dynamic', '--enable-system');
const ARM_ONLY = build('build-arm', '--target-list=aarch64-softmmu');
/** Fedora's static system emulators (QEMU 11), built after the main build and installed as qemu-system-*-static. */
const SYSTEM_STATIC = build('system_static_builddir', '--enable-system', '--target-list=aarch64-softmmu,x86_64-softmmu', '--static');
/** A target list from a Lua macro (fxzxmicah's qemu-mini): it may or may not hold x86_64-softmmu. */
const LUA_TARGETS: Build = { ...build('main', '--enable-kvm'), argv: [{ text: '--target-list=-softmmu', origin, unknown: '%{lua:...} is Lua code; flagdiff does not run it' }] };

describe('chooseQemuBuild', () => {
  it.each([
    // builds, --build, the build compared, whether FD190 names the others
    [[STATIC, MINI, DYNAMIC], undefined, 'build-dynamic', true],
    [[STATIC, MINI, DYNAMIC], 'build-mini', 'build-mini', true],
    [[MINI, STATIC], undefined, 'build-mini', true],
    [[DYNAMIC], undefined, 'build-dynamic', false],
    [[ARM_ONLY, MINI], undefined, 'build-mini', true],
    [[STATIC, LUA_TARGETS, DYNAMIC], undefined, 'build-dynamic', true],
    [[STATIC, LUA_TARGETS], undefined, 'main', true],
    [[LUA_TARGETS], undefined, 'main', true],
    [[DYNAMIC, STATIC, SYSTEM_STATIC], undefined, 'build-dynamic', true],
    [[SYSTEM_STATIC], undefined, 'system_static_builddir', false],
    [[STATIC, SYSTEM_STATIC, MINI], 'system_static_builddir', 'system_static_builddir', true],
  ])('%#: --build %s → %s', (builds, id, expected, noted) => {
    const choice = chooseQemuBuild(recipe(...builds), id);
    expect(choice.build.id).toBe(expected);
    expect(choice.note?.code).toBe(noted ? 'FD190' : undefined);
  });

  it('names the build compared and why: a spec installs its last build of the binary, debian/rules its first', () => {
    expect(chooseQemuBuild(recipe(STATIC, MINI, DYNAMIC)).note?.message).toBe(
      'compared build-dynamic, the last of its builds that makes qemu-system-x86_64, the one installed under that name; the recipe also runs on x86_64: build-static (no qemu-system-x86_64), build-mini (qemu-system-x86_64)',
    );
    expect(chooseQemuBuild({ ...recipe(MINI, DYNAMIC), installed: 'first' }).note?.message).toMatch(/^compared build-mini, the first of its builds/);
    expect(chooseQemuBuild(recipe(STATIC, LUA_TARGETS)).note?.message).toMatch(/^compared main, which may build qemu-system-x86_64: its target list is unknown, the last of its builds that may make/);
  });

  it('takes a dynamic build before a static one, which Fedora installs under another name', () => {
    expect(chooseQemuBuild(recipe(DYNAMIC, STATIC, SYSTEM_STATIC)).note?.message).toBe(
      'compared build-dynamic, the last of its dynamic builds that makes qemu-system-x86_64, the one installed under that name; the recipe also runs on x86_64: build-static (no qemu-system-x86_64), system_static_builddir (qemu-system-x86_64)',
    );
  });

  it('says when the build compared may not build the binary: its target list is unknown', () => {
    expect(chooseQemuBuild(recipe(LUA_TARGETS)).note?.message).toBe('compared main, which may build qemu-system-x86_64: its target list is unknown');
    expect(chooseQemuBuild(recipe(STATIC, LUA_TARGETS, DYNAMIC)).note?.message).toContain('main (qemu-system-x86_64? its target list is unknown)');
  });

  it.each([
    // builds, --build, what the error says
    [[STATIC], undefined, 'no configure invocation builds qemu-system-x86_64 on x86_64; its builds: build-static (no qemu-system-x86_64)'],
    [[STATIC, ARM_ONLY], undefined, 'build-arm (no qemu-system-x86_64)'],
    [[STATIC, MINI], 'build-static', 'build-static does not build qemu-system-x86_64'],
    [[MINI], 'build-nano', 'no build build-nano on x86_64'],
    [[], undefined, 'its builds: none'],
  ])('%#: --build %s is refused (FD191)', (builds, id, message) => {
    const refuse = () => chooseQemuBuild(recipe(...builds), id);
    expect(refuse).toThrow(InputError);
    expect(refuse).toThrow(message);
  });
});
