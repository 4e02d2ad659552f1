// Ubuntu annotations against the expected parse results that ship with the upstream tool's tests
// (arighi/annotations tests/data/*.result, in the corpus): the same dict, key for key.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/model/diagnostic.js';
import { annotationsConfig } from '../../../src/readers/kconfig/annotations-config.js';
import { loadAnnotations } from '../../../src/readers/kconfig/load-annotations.js';
import type { Annotations } from '../../../src/readers/kconfig/load-annotations.js';
import { nodeHost } from '../../../src/cli/node-host.js';
import { UBUNTU_TESTS, corpus } from '../../helpers/corpus.js';
import { memoryHost } from '../../helpers/memory-host.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** The upstream tests' `utils.to_dict`: the empty fields left out, internal keys dropped. */
function toDict(a: Annotations): Record<string, unknown> {
  const config = Object.fromEntries([...a.config].map(([key, e]) => [key, { policy: e.policy, ...(e.note ? { note: e.note } : {}) }]));
  return {
    ...(a.arch.length ? { arch: a.arch } : {}),
    ...(a.flavour.length ? { flavour: a.flavour } : {}),
    ...(Object.keys(a.flavourDep).length ? { flavour_dep: a.flavourDep } : {}),
    ...(a.include.length ? { include: a.include } : {}),
    ...(a.config.size ? { config } : {}),
  };
}

const load = (name: string) => loadAnnotations(join(corpus(UBUNTU_TESTS), name), nodeHost());
const expected = (name: string) => JSON.parse(readFileSync(join(corpus(UBUNTU_TESTS), `${name}.result`), 'utf8')) as unknown;

describe('loadAnnotations on the upstream test data', () => {
  it.each([
    // file: what it exercises
    ['annotations.load.1'], // header, policy and note on one line, unquoted notes
    ['annotations.derivative.1'], // include, FLAVOUR_DEP, an included value overridden
    ['annotations.override.1'], // a whole-arch rule dropping an included flavour rule
  ])('%s parses to its .result exactly', async (name) => {
    expect(toDict(await load(name))).toEqual(expected(name));
  });

  it('annotations.todo-note.1 parses to its .result before the upstream test imports a config into it', async () => {
    // The upstream test runs Annotation.update(config.todo-note.1, amd64, gcp) after parsing, which
    // adds the amd64-gcp value and the TODO note; flagdiff reads annotations and never writes them.
    const result = expected('annotations.todo-note.1') as { config: Record<string, { policy: Record<string, string> }> };
    const { 'amd64-gcp': imported, ...parsed } = result.config.CONFIG_ACCESSIBILITY!.policy;
    expect(imported).toBe('n');
    const annotations = await load('annotations.todo-note.1');
    expect(toDict(annotations)).toEqual({ ...result, config: { CONFIG_ACCESSIBILITY: { policy: parsed, note: "'this config must be enabled'" } } });
    // What update() compared the imported value with: search_config(amd64, gcp) through FLAVOUR_DEP.
    expect(annotationsConfig(annotations, 'amd64', 'gcp').settings.get('CONFIG_ACCESSIBILITY')?.value).toBe('y');
  });
});

describe('annotationsConfig', () => {
  const text = [
    '# Menu: HEADER',
    '# FORMAT: 4',
    '# ARCH: amd64 arm64',
    '# FLAVOUR: amd64-generic amd64-kvm arm64-generic',
    "# FLAVOUR_DEP: {'amd64-kvm': 'amd64-generic'}",
    '',
    "CONFIG_A policy<{'amd64': 'y', 'amd64-kvm': 'm', 'arm64': 'n'}>",
    "CONFIG_B policy<{'amd64': '-', 'arm64': 'y'}>",
    "CONFIG_C policy<{'amd64-generic': '\"lz4\"'}>",
    "CONFIG_C note<'LP: #1'>",
  ].join('\n');
  const host = memoryHost({ 'debian.x/config/annotations': text });

  it.each([
    // arch, flavour, CONFIG_A, CONFIG_B, CONFIG_C (undefined: not exported)
    ['amd64', 'generic', 'y', undefined, '"lz4"'],
    ['amd64', 'kvm', 'm', undefined, '"lz4"'], // the flavour's own rule, then FLAVOUR_DEP's parent
    ['arm64', 'generic', 'n', 'y', undefined],
  ])('%s-%s: A=%s B=%s C=%s', async (arch, flavour, a, b, c) => {
    const set = annotationsConfig(await loadAnnotations('debian.x/config/annotations', host), arch, flavour);
    expect([set.settings.get('CONFIG_A')?.value, set.settings.get('CONFIG_B')?.value, set.settings.get('CONFIG_C')?.value]).toEqual([a, b, c]);
    expect(set.meta).toMatchObject({ variant: `${arch}-${flavour}`, shape: 'full' });
  });

  it('gives each value the line of the rule it came from', async () => {
    const set = annotationsConfig(await loadAnnotations('debian.x/config/annotations', host), 'amd64', 'kvm');
    expect(set.settings.get('CONFIG_A')?.origin).toEqual({ file: 'debian.x/config/annotations', line: 7 });
    expect(set.meta.arch).toBe('x86_64');
  });

  it.each([
    // arch, flavour, message
    ['s390x', undefined, 'no arch s390x in the annotations; ARCH is amd64 arm64'],
    ['arm64', 'kvm', 'no flavour arm64-kvm in the annotations'],
  ])('refuses %s-%s with FD150', async (arch, flavour, message) => {
    const annotations = await loadAnnotations('debian.x/config/annotations', host);
    expect(() => annotationsConfig(annotations, arch, flavour)).toThrow(message);
  });
});

describe('loadAnnotations on bad input', () => {
  const header = '# FORMAT: 4\n# ARCH: amd64\n# FLAVOUR: amd64-generic\n';

  it.each([
    // body, code, message part
    ['CONFIG_A policy<{amd64: 1}>\n', 'FD153', 'not a dict of strings'],
    ['CONFIG_A=y\n', 'FD153', 'invalid line'],
  ])('reports %j as %s', async (body, code, message) => {
    const annotations = await loadAnnotations('a', memoryHost({ a: header + body }));
    expect(annotations.diagnostics).toMatchObject([{ code, file: 'a', line: 4, message: expect.stringContaining(message) }]);
  });

  it('refuses a file without ARCH, and an include loop, with one diagnostic each', async () => {
    await expect(loadAnnotations('a', memoryHost({ a: '# FORMAT: 4\nCONFIG_A policy<{}>\n' }))).rejects.toThrow('ARCH not defined');
    const loop = memoryHost({ 'd/a': `${header}include "b"\n`, 'd/b': 'include "a"\n' });
    const error = await loadAnnotations('d/a', loop).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).diagnostic).toMatchObject({ code: 'FD154', file: 'd/b', line: 1 });
  });

  it.each([
    // include line, read or refused (FD157): includes stay in the tree holding debian.<kernel>/config/
    ['include "../../debian.master/config/annotations"', 'read'],
    ['include "../../../secret"', 'FD157'],
    ['include "/etc/passwd"', 'FD157'],
  ])('%s: %s', async (line, expected) => {
    const host = memoryHost({
      'linux/debian.kvm/config/annotations': `${header}${line}\n`,
      'linux/debian.master/config/annotations': 'CONFIG_A policy<{\'amd64\': \'y\'}>\n',
      secret: 'CONFIG_STOLEN policy<{}>\n',
      '/etc/passwd': 'root:x:0:0\n',
    });
    const result = await loadAnnotations('linux/debian.kvm/config/annotations', host).then(
      (a) => (a.config.has('CONFIG_A') ? 'read' : 'not read'),
      (e: unknown) => (e as InputError).diagnostic.code,
    );
    expect(result).toBe(expected);
  });

  it('refuses an include through a symbolic link that leads outside the tree', async () => {
    const dir = tempDir('flagdiff-annotations-');
    mkdirSync(join(dir, 'linux', 'debian.kvm', 'config'), { recursive: true });
    writeFileSync(join(dir, 'outside'), 'CONFIG_STOLEN policy<{}>\n');
    symlinkSync(join(dir, 'outside'), join(dir, 'linux', 'shared'));
    const main = join(dir, 'linux', 'debian.kvm', 'config', 'annotations');
    writeFileSync(main, `${header}include "../../shared"\n`);
    const error = await loadAnnotations(main, nodeHost()).catch((e: unknown) => e);
    expect((error as InputError).diagnostic).toMatchObject({ code: 'FD157', file: main, line: 4 });
  });
});
