/**
 * Which `debian/config` fragments Debian's kernel packaging merges for one arch, featureset and
 * flavour, in order (later files override earlier ones, debian/bin/kconfig.py):
 * `config → kernelarch-<k>/config → <arch>/config → <arch>/config.<flavour> → featureset-<fs>/config
 * → <arch>/<fs>/config → <arch>/<fs>/config.<flavour>`. With `defines` (gencontrol.py, linux
 * 6.0), a `configs:` key of the matching `[..._image]` section replaces a slot's default file; with
 * `defines.toml` (debian_linux/config_v2.py), each level's `build.config` list comes before its
 * default file. Default files may be absent; files a defines names must exist.
 */
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { Diagnostic } from '../../model/diagnostic.js';
import { InputError, diagnostic } from '../../model/diagnostic.js';
import type { ReadHost } from '../host.js';
import { readInputText } from '../read-input-text.js';
import { definesList, readDebianDefines } from './read-debian-defines.js';
import type { Defines } from './read-debian-defines.js';

export interface DebianSelection {
  readonly arch: string;
  readonly featureset: string;
  readonly flavour: string;
  /** Paths relative to the config directory, in merge order; `required` ones were named by a defines. */
  readonly files: ReadonlyArray<{ readonly path: string; readonly required: boolean }>;
  readonly diagnostics: readonly Diagnostic[];
}

/** `flavour` undefined: the arch's default flavour (`default-flavour`, or `is_default` in defines.toml). */
export async function debianConfigFiles(root: string, arch: string, featureset: string, flavour: string | undefined, host: ReadHost): Promise<DebianSelection> {
  return (await host.kind(join(root, 'defines.toml'))) === 'file'
    ? fromToml(root, arch, featureset, flavour, host)
    : fromDefines(root, arch, featureset, flavour, host);
}

function unknown(root: string, what: string): never {
  throw new InputError(diagnostic('FD150', what, { file: root, line: 0 }));
}

async function readDefines(root: string, path: string, host: ReadHost): Promise<Defines | undefined> {
  const file = join(root, path);
  return (await host.kind(file)) === 'file' ? readDebianDefines(await readInputText(file, host), file) : undefined;
}

async function fromDefines(root: string, arch: string, featureset: string, wanted: string | undefined, host: ReadHost): Promise<DebianSelection> {
  const [top, archD, fsTop, archFs] = await Promise.all(
    ['defines', `${arch}/defines`, `featureset-${featureset}/defines`, `${arch}/${featureset}/defines`].map((p) => readDefines(root, p, host)),
  );
  if (!top) unknown(root, 'no defines or defines.toml: not a Debian debian/config directory');
  if (!archD) unknown(root, `no ${arch}/defines: the packaging does not build ${arch}`);
  const get = (d: Defines | undefined, section: string, key: string) => d?.sections.get(section)?.get(key);
  // read_arch: flavours listed for the arch belong to the implicit featureset "none".
  const flavours = definesList(get(archFs, 'base', 'flavours') ?? (featureset === 'none' ? get(archD, 'base', 'flavours') : undefined)) ?? [];
  if (flavours.length === 0) unknown(root, `${arch} has no flavours in featureset ${featureset}`);
  const flavour = wanted ?? (get(archFs, 'base', 'default-flavour') ?? get(archD, 'base', 'default-flavour'))?.value ?? flavours[0]!;
  if (!flavours.includes(flavour)) unknown(root, `no flavour ${flavour} for ${arch} ${featureset}; it has ${flavours.join(' ')}`);
  const kernelArch = [archFs, archD, fsTop, top].map((d) => get(d, 'base', 'kernel-arch')).find(Boolean)?.value;

  const slots: Array<[string, string[] | undefined]> = [
    ['config', definesList(get(top, 'image', 'configs'))],
    [kernelArch ? `kernelarch-${kernelArch}/config` : '', undefined], // "We have no way to override kernelarch-X configs"
    [`${arch}/config`, definesList(get(archD, 'image', 'configs'))],
    [`${arch}/config.${flavour}`, definesList(get(archD, `${flavour}_image`, 'configs'))],
    [`featureset-${featureset}/config`, definesList(get(fsTop, 'image', 'configs') ?? get(top, `featureset-${featureset}_image`, 'configs'))],
    [`${arch}/${featureset}/config`, definesList(get(archFs, 'image', 'configs') ?? get(archD, `${featureset}_image`, 'configs'))],
    [`${arch}/${featureset}/config.${flavour}`, definesList(get(archFs, `${flavour}_image`, 'configs'))],
  ];
  const files = slots.flatMap(([fallback, named]) =>
    named ? named.map((path) => ({ path, required: true })) : fallback ? [{ path: fallback, required: fallback === 'config' || fallback === `${arch}/config` }] : [],
  );
  const diagnostics = [top, archD, fsTop, archFs].flatMap((d) => d?.diagnostics ?? []);
  return { arch, featureset, flavour, files, diagnostics };
}

type Table = Record<string, unknown>;
const list = (value: unknown): Table[] => (Array.isArray(value) ? (value as Table[]) : []);
const named = (value: unknown, name: string): Table | undefined => list(value).find((t) => t.name === name);
const configsOf = (...tables: Array<Table | undefined>): string[] =>
  tables.flatMap((t) => (Array.isArray((t?.build as Table | undefined)?.config) ? ((t!.build as Table).config as string[]) : []));

async function readToml(root: string, path: string, host: ReadHost): Promise<Table | undefined> {
  const file = join(root, path);
  if ((await host.kind(file)) !== 'file') return undefined;
  try {
    return parseToml(await readInputText(file, host)) as Table;
  } catch (error) {
    const line = (error as { line?: number }).line ?? 0;
    throw new InputError(diagnostic('FD155', `not valid TOML: ${(error as Error).message.split('\n')[0]}`, { file, line }));
  }
}

async function fromToml(root: string, arch: string, featureset: string, wanted: string | undefined, host: ReadHost): Promise<DebianSelection> {
  const top = (await readToml(root, 'defines.toml', host))!;
  const kernelArch = list(top.kernelarch).find((k) => named(k.debianarch, arch));
  if (!kernelArch) unknown(root, `no debianarch ${arch} in defines.toml`);
  const [kaFile, archFile, fsTopFile, archFsFile] = await Promise.all(
    [`kernelarch-${kernelArch.name as string}/defines.toml`, `${arch}/defines.toml`, `featureset-${featureset}/defines.toml`, `${arch}/${featureset}/defines.toml`].map((p) => readToml(root, p, host)),
  );
  const archFlavours = [...list(named(kernelArch.debianarch, arch)!.flavour), ...list(archFile?.flavour)];
  const archFeatureset = named(archFile?.featureset, featureset);
  if (!archFeatureset && featureset !== 'none') unknown(root, `no featureset ${featureset} for ${arch}`);
  // config_v2: a featureset without flavours of its own takes the arch's.
  const fsFlavours = [...list(archFeatureset?.flavour), ...list(archFsFile?.flavour)];
  const flavours = (fsFlavours.length ? fsFlavours : archFlavours).map((f) => f.name as string);
  const flavour = wanted ?? (archFlavours.find((f) => (f.defs as Table | undefined)?.is_default === true)?.name as string | undefined) ?? flavours[0];
  if (!flavour || !flavours.includes(flavour)) unknown(root, `no flavour ${flavour ?? ''} for ${arch} ${featureset}; it has ${flavours.join(' ') || 'none'}`);

  const levels: Array<[string[], string]> = [
    [configsOf(top), 'config'],
    [configsOf(kernelArch, kaFile), `kernelarch-${kernelArch.name as string}/config`],
    [configsOf(named(kernelArch.debianarch, arch), archFile), `${arch}/config`],
    [configsOf(...archFlavours.filter((f) => f.name === flavour)), `${arch}/config.${flavour}`],
    [configsOf(named(top.featureset, featureset), fsTopFile), `featureset-${featureset}/config`],
    [configsOf(archFeatureset, archFsFile && { build: archFsFile.build }), `${arch}/${featureset}/config`],
    [configsOf(...fsFlavours.filter((f) => f.name === flavour)), `${arch}/${featureset}/config.${flavour}`],
  ];
  const files = levels.flatMap(([explicit, fallback]) => [...explicit.map((path) => ({ path, required: true })), { path: fallback, required: false }]);
  return { arch, featureset, flavour, files, diagnostics: [] };
}
