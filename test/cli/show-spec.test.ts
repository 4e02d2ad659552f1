// `flagdiff show SPEC`: the builds of a spec per arch, as text (golden files, each checked against
// rpmspec and bash by test/readers/rpm/builds-oracle.test.ts) and as JSON.
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/corpus.js';
import { runCli } from '../helpers/run-cli.js';

describe('flagdiff show SPEC', () => {
  it.each([
    // fixture, options, golden file
    ['fedora-like.spec', ['--arch', 'x86_64', '--define', 'fedora=39'], 'fedora-like-x86_64.txt'],
    ['mini-like.spec', ['--arch', 'aarch64', '-D', 'fedora 31'], 'mini-like-aarch64.txt'],
    ['rhel-like.spec', ['--arch', 's390x', '--arch', 'riscv64', '--define', 'rhel=9'], 'rhel-like-s390x-riscv64.txt'],
    ['suse-like/qemu.spec', ['--arch', 'ppc64le'], 'suse-like-ppc64le.txt'],
  ])('%s %j', async (name, options, golden) => {
    const run = await runCli(['show', fixture(`rpm/${name}`), ...options]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    await expect(run.stdout.replaceAll(fixture('rpm/'), 'fixtures/rpm/')).toMatchFileSnapshot(`golden/${golden}`);
  });

  it('gives each arch its own source in JSON, words with origins and unknowns', async () => {
    const run = await runCli(['show', fixture('rpm/fedora-like.spec'), '--arch', 'x86_64', '--arch', 'aarch64', '--define', 'fedora=39', '--format', 'json']);
    const { sources } = JSON.parse(run.stdout);
    expect(sources.map((s: { kind: string; arch: string }) => [s.kind, s.arch])).toEqual([['builds', 'x86_64'], ['builds', 'aarch64']]);
    const [main, user] = sources[0].builds;
    expect([main.id, user.id]).toEqual(['qemu_kvm_build', 'static_builddir']);
    expect(main.argv).toContainEqual({ text: '--enable-avx2', origin: { file: fixture('rpm/fedora-like.spec'), line: expect.any(Number) } });
    expect(sources[1].builds[0].argv.map((a: { text: string }) => a.text)).not.toContain('--enable-avx2');
    expect(main.argv.find((a: { text: string }) => a.text.startsWith('--extra-cflags='))).toMatchObject({ unknown: expect.stringContaining('%{optflags}') });
  });

  it('shows all five arches by default', async () => {
    const { sources } = JSON.parse((await runCli(['show', fixture('rpm/mini-like.spec'), '--format', 'json'])).stdout);
    expect(sources.map((s: { arch: string }) => s.arch)).toEqual(['x86_64', 'aarch64', 's390x', 'ppc64le', 'riscv64']);
  });

  it.each([
    // options, the words of the static build's call that change
    [[], '--enable-attr --enable-linux-user --enable-tcg --disable-install-blobs --static'],
    [['--define', 'rhel=9'], undefined], // the static user build is a Fedora extra
  ])('%j: the static build', async (options, words) => {
    const { sources } = JSON.parse((await runCli(['show', fixture('rpm/fedora-like.spec'), '--arch', 'x86_64', '--format', 'json', ...options])).stdout);
    const build = sources[0].builds.find((b: { id: string }) => b.id === 'static_builddir');
    expect(build?.argv.slice(-5).map((a: { text: string }) => a.text).join(' ')).toBe(words);
  });

  it.each([
    // options, the option a %bcond decides, present (as rpmspec --with/--without prints it)
    [[], '--enable-membarrier', false],
    [['--with', 'system_membarrier'], '--enable-membarrier', true],
    [['--with', 'system_membarrier', '--without', 'system_membarrier'], '--enable-membarrier', true], // off by default: only --with counts
    [[], '--enable-rbd', true],
    [['--with', 'rbd', '--without', 'rbd'], '--enable-rbd', false], // on by default: only --without counts
  ])('%j: %s %s', async (options, option, present) => {
    const { sources } = JSON.parse((await runCli(['show', fixture('rpm/suse-like/qemu.spec'), '--arch', 'x86_64', '--format', 'json', ...options])).stdout);
    expect(sources[0].builds[0].argv.some((a: { text: string }) => a.text === option)).toBe(present);
  });

  it.each([
    // options, message
    [['--define', '1x=2'], "--define takes NAME=VALUE with a macro name (a letter or _ first); got '1x=2'"],
    [['--define', '=2'], '--define takes NAME=VALUE'],
    [['--arch', 'i686'], '--arch must be one of'],
  ])('%j exits 2: %s', async (options, message) => {
    const run = await runCli(['show', fixture('rpm/mini-like.spec'), ...options]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it("says which of the spec's patches lets configure go on past options it does not know", async () => {
    const spec = fixture('rpm/clear-like.spec');
    const run = await runCli(['show', spec, '--arch', 'x86_64']);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('# a patch'))).toEqual([
      `# a patch lets configure go on past options it does not know, ${fixture('rpm/0001-Accept-options-configure-does-not-know.patch')}:18`,
    ]);
    expect(run.stdout).toMatch(/^## build-v3: configure, \d+ arguments/m);
  });

  it('exits 2 with one line for a missing spec', async () => {
    expect(await runCli(['show', 'no/such.spec'])).toEqual({ code: 2, stdout: '', stderr: 'flagdiff: no/such.spec: no such file\n' });
  });
});
