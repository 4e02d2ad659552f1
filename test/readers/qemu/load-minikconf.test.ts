import { describe, expect, it } from 'vitest';
import { evaluateMinikconf } from '../../../src/eval/minikconf/evaluate-minikconf.js';
import { loadMinikconf } from '../../../src/readers/qemu/load-minikconf.js';
import { memoryHost } from '../../helpers/memory-host.js';

const TREE = {
  'q/configs/devices/x86_64-softmmu/default.mak': '# x86_64\ninclude ../i386-softmmu/default.mak\ninclude ../common.mak\nCONFIG_X86_ONLY=y\n',
  'q/configs/devices/i386-softmmu/default.mak': 'CONFIG_Q35=y\n',
  'q/configs/devices/common.mak': 'CONFIG_VIRTIO=y\ninclude i386-softmmu/default.mak\n',
};
const symbols = (clauses: ReadonlyArray<{ kind: string; symbol: string; origin: { file: string; line: number } }>) =>
  clauses.map((c) => `${c.symbol}@${c.origin.file.split('/').slice(-2).join('/')}:${c.origin.line}`);

describe('loadMinikconf', () => {
  it('follows includes relative to the including file, in place, each file once', async () => {
    const loaded = await loadMinikconf(['q/configs/devices/x86_64-softmmu/default.mak'], memoryHost(TREE), { root: 'q' });
    // common.mak includes i386-softmmu/default.mak again: minikconf skips a file it has read.
    expect(symbols(loaded.clauses)).toEqual(['Q35@i386-softmmu/default.mak:1', 'VIRTIO@devices/common.mak:1', 'X86_ONLY@x86_64-softmmu/default.mak:4']);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.failed).toBe(false);
  });

  // [files, code]: what stops minikconf, or what flagdiff does not read
  it.each([
    [{ 'q/a.mak': 'include b.mak\n', 'q/b.mak': 'include a.mak\n' }, 'FD179'],
    [{ 'q/a.mak': 'include b.mak\n', 'q/b.mak': 'include c.mak\n', 'q/c.mak': 'include b.mak\n' }, 'FD179'],
    [{ 'q/a.mak': 'include missing.mak\n' }, 'FD178'],
    [{ 'q/a.mak': 'include ../../etc/passwd\n' }, 'FD180'],
    [{ 'q/a.mak': 'include /etc/passwd\n' }, 'FD180'],
    [{ 'q/a.mak': 'CONFIG_A=$(CONFIG_KVM)\n' }, 'FD177'],
  ] as const)('%j → %s', async (files, code) => {
    const loaded = await loadMinikconf(['q/a.mak'], memoryHost(files), { root: 'q' });
    expect(loaded.diagnostics.map((d) => d.code)).toEqual([code]);
  });

  it('reads a file that includes itself once, as minikconf does (it skips files already read)', async () => {
    const loaded = await loadMinikconf(['q/a.mak'], memoryHost({ 'q/a.mak': 'CONFIG_A=y\ninclude a.mak\n' }), { root: 'q' });
    expect([loaded.clauses.length, loaded.diagnostics]).toEqual([1, []]);
  });

  it('puts a recipe file in place of a tree file, or after it, with its own name in origins', async () => {
    const host = memoryHost({ ...TREE, 'recipe/mini.mak': 'CONFIG_MICROVM=y\n' });
    const path = 'q/configs/devices/i386-softmmu/default.mak';
    const text = 'CONFIG_MICROVM=y\n';
    const replaced = await loadMinikconf(['q/configs/devices/x86_64-softmmu/default.mak'], host, { root: 'q', overlays: new Map([[path, { mode: 'replace', file: 'recipe/mini.mak', text }]]) });
    expect(symbols(replaced.clauses)).toEqual(['MICROVM@recipe/mini.mak:1', 'VIRTIO@devices/common.mak:1', 'X86_ONLY@x86_64-softmmu/default.mak:4']);
    const appended = await loadMinikconf(['q/configs/devices/x86_64-softmmu/default.mak'], host, { root: 'q', overlays: new Map([[path, { mode: 'append', file: 'recipe/mini.mak', text }]]) });
    expect(symbols(appended.clauses)).toEqual(['Q35@i386-softmmu/default.mak:1', 'MICROVM@recipe/mini.mak:1', 'VIRTIO@devices/common.mak:1', 'X86_ONLY@x86_64-softmmu/default.mak:4']);
  });

  it('reads a 200,000-line device file whole', async () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `CONFIG_S${i}=y\n`).join('');
    const loaded = await loadMinikconf(['q/a.mak'], memoryHost({ 'q/a.mak': text }), { root: 'q' });
    expect([loaded.clauses.length, loaded.diagnostics]).toEqual([200_000, []]);
    // ... and evaluates it: every symbol undeclared (minikconf would stop), none lost.
    const evaluation = evaluateMinikconf(loaded, 'defconfig');
    expect([evaluation.values.size, evaluation.undefined.length]).toEqual([200_000, 200_000]);
  });

  it('stops nesting at a bound on hostile input', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 100; i++) files[`q/${'d/'.repeat(i)}a.mak`] = 'include d/a.mak\n';
    const loaded = await loadMinikconf(['q/a.mak'], memoryHost(files), { root: 'q' });
    expect(loaded.diagnostics.map((d) => d.code)).toContain('FD179');
    expect(loaded.files.length).toBeLessThanOrEqual(33);
  });
});
