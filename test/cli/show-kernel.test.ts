// `flagdiff show` on the kernel sources `flagdiff kernel` reads: a config file, Ubuntu annotations, a
// distro tree evaluated per arch, a directory of fragments.
import { describe, expect, it } from 'vitest';
import type { Setting } from '../../src/model/setting.js';
import { DEBIAN_AMD64, DEBIAN_LAYERED, KATA_FRAGMENTS, corpus } from '../helpers/corpus.js';
import { runCli } from '../helpers/run-cli.js';

interface ShownConfig {
  readonly kind: string;
  readonly meta: { source: string; shape?: string; arch?: string; variant?: string; files?: string[] };
  readonly settings: Setting[];
}
const show = async (...args: string[]) => {
  const run = await runCli(['show', ...args, '--format', 'json']);
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { sources: ShownConfig[] }).sources;
};
const ANNOTATIONS = 'kernel/ubuntu/debian.kvm-annotations.EXCERPT';

describe('flagdiff show, kernel sources', () => {
  it('a distro tree: the variant of each --arch, its layers in merge order, each override keeping what it replaced', async () => {
    const [amd64] = await show(corpus(DEBIAN_LAYERED), '--arch', 'x86_64');
    expect(amd64!.meta).toMatchObject({ shape: 'partial', arch: 'x86_64', variant: 'amd64_none_amd64' });
    const layers = amd64!.meta.files!;
    expect(layers.map((f) => f.slice(corpus(DEBIAN_LAYERED).length + 1))).toEqual(['config', 'kernelarch-x86/config', 'amd64/config']);
    const overridden = amd64!.settings.filter((s) => s.writers);
    expect(overridden.length).toBeGreaterThan(0);
    for (const setting of overridden) {
      for (const writer of setting.writers!) expect(layers.indexOf(writer.origin.file)).toBeLessThanOrEqual(layers.indexOf(setting.origin.file));
    }
  });

  it('a tree with --variant: that flavour\'s layers', async () => {
    const [cloud] = await show(corpus(DEBIAN_LAYERED), '--variant', 'amd64_none_cloud-amd64');
    expect(cloud!.meta.variant).toBe('amd64_none_cloud-amd64');
    expect(cloud!.meta.files!.some((f) => f.endsWith('config.cloud'))).toBe(true);
  });

  it('Ubuntu annotations for an arch, each setting at its annotations line', async () => {
    const [kvm] = await show(corpus(ANNOTATIONS), '--arch', 'x86_64');
    expect(kvm!.meta.arch).toBe('x86_64');
    expect(kvm!.settings.length).toBeGreaterThan(0);
    expect(kvm!.settings.every((s) => s.origin.file === corpus(ANNOTATIONS) && s.origin.line > 0)).toBe(true);
    const bare = await runCli(['show', corpus(ANNOTATIONS)]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('name the arch (--arch) or the variant');
  });

  it('a config file once, whatever --arch; a fragment directory merged, as before', async () => {
    const files = await show(corpus(DEBIAN_AMD64), '--arch', 'x86_64', '--arch', 'aarch64');
    expect(files).toHaveLength(1);
    expect(files[0]!.settings).toHaveLength(9502);
    const [fragments] = await show(corpus(`${KATA_FRAGMENTS}/common`));
    expect(fragments!.meta.shape).toBe('fragment');
    expect(fragments!.settings.find((s) => s.key === 'CONFIG_9P_FS')?.origin.file).toBe(corpus(`${KATA_FRAGMENTS}/common/9p.conf`));
  });
});
