/**
 * Reads Kata's guest-kernel fragments (tools/packaging/kernel/configs/fragments) into the data the
 * built-in profile ships and `--reference <checkout>` reads live: every fragment's assignments (the
 * `.conf.in` templates substituted as build-kernel.sh's envsubst does), which `!tags` each common
 * fragment contains, the whitelists, and the lints of the tree (lint-kata-kernel.ts). Which fragments
 * a build merges is decided later, per arch and flavour (select-kata-fragments.ts).
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import { writersOf } from '../../model/merge-config-sets.js';
import { posix } from 'node:path';
import { compilePosixRegex, regexTest } from '../../eval/shell/posix-regex.js';
import { DEFAULT_LIMITS, decodeInput } from '../decode-input.js';
import type { ReadHost } from '../host.js';
import { readKconfig } from '../kconfig/read-kconfig.js';
import { lintKataKernel } from './lint-kata-kernel.js';
import { EXCLUSION_NAMES, TEMPLATE_VARIABLES } from './select-kata-fragments.js';

/** What the built-in profile ships (src/knowledge/kata-kernel.json). */
export interface KataKernelData {
  /** Upstream repository and commit the fragments were read from. */
  readonly repository: string;
  readonly commit: string;
  /** Path of the fragments directory inside the repository. */
  readonly root: string;
  /** Linux version Kata pins at that commit, and Kata's `kata_config_version`. */
  readonly kernelVersion: string;
  readonly configVersion: string;
  /** Each fragment's assignments in file order, `[key, value, line]`, keyed by path under `root`. */
  readonly fragments: Readonly<Record<string, ReadonlyArray<readonly [string, string, number]>>>;
  /** For each `common/*.conf`: the names (kernel arches, `confidential`) whose `!name` occurs in it. */
  readonly exclusions: Readonly<Record<string, readonly string[]>>;
  /** whitelist.conf patterns: each non-empty line, a grep basic regular expression. */
  readonly whitelist: readonly string[];
  /** The patterns of each whitelist-<kernel version>.conf, by version. */
  readonly versionWhitelists: Readonly<Record<string, readonly string[]>>;
  /** Symbols of any fragment that whitelist.conf or whitelist-<kernelVersion>.conf matches: Kata lets them be absent. */
  readonly mayBeAbsent: readonly string[];
  /** Problems in Kata's own fragments (FD4xx). */
  readonly lints: readonly Diagnostic[];
}

export interface KataSourceInfo {
  readonly repository: string;
  readonly commit: string;
  readonly root: string;
  readonly kernelVersion: string;
  readonly configVersion: string;
}

export async function readKataKernel(fragmentsDir: string, host: ReadHost, info: KataSourceInfo): Promise<KataKernelData> {
  const texts = new Map<string, string>();
  const files = await listFiles(host, fragmentsDir, '');
  for (const path of files) {
    if (!/\.conf(\.in)?$/.test(path)) continue;
    texts.set(path, decodeInput(await host.readFile(`${fragmentsDir}/${path}`, DEFAULT_LIMITS.maxBytes), `${info.root}/${path}`));
  }
  resolveLinkBlobs(texts);
  const isWhitelist = (path: string) => /^whitelist(-.+)?\.conf$/.test(path);

  const fragments: Record<string, Array<[string, string, number]>> = {};
  const exclusions: Record<string, string[]> = {};
  for (const [path, text] of [...texts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (isWhitelist(path)) continue;
    const content = path.endsWith('.in') ? substitute(text) : text;
    // An empty fragment (build-type/arm-experimental/no.conf) merges nothing; readKconfig would refuse it.
    const set = /^(# )?CONFIG_/m.test(content) ? readKconfig(content, `${info.root}/${path}`) : undefined;
    fragments[path] = [...(set?.settings.values() ?? [])]
      .flatMap((s) => writersOf(s).map((w): [string, string, number] => [s.key, w.value, w.origin.line]))
      .sort((a, b) => a[2] - b[2]);
    // build-kernel.sh: `grep -e "!${arch}" [-e "!${conf_guest}"] common/*.conf -L`, a substring match over the whole file.
    if (/^common\/[^/]+\.conf$/.test(path)) exclusions[path] = EXCLUSION_NAMES.filter((name) => text.includes(`!${name}`));
  }

  const patterns = (text: string) => text.split('\n').filter((line) => line !== '');
  const whitelist = patterns(texts.get('whitelist.conf') ?? '');
  const versionWhitelists: Record<string, string[]> = {};
  for (const [path, text] of texts) {
    const version = /^whitelist-(.+)\.conf$/.exec(path)?.[1];
    if (version) versionWhitelists[version] = patterns(text);
  }
  const lints = lintKataKernel(texts, fragments, exclusions, info.root);
  const data = { ...info, fragments, exclusions, whitelist, versionWhitelists, mayBeAbsent: [], lints };
  return { ...data, mayBeAbsent: allowedAbsentFor(data, info.kernelVersion) };
}

/** The symbols whitelist.conf and whitelist-<kernelVersion>.conf let be absent, for any kernel version. */
export function allowedAbsentFor(kata: Pick<KataKernelData, 'fragments' | 'whitelist' | 'versionWhitelists'>, kernelVersion: string): string[] {
  const symbols = new Set(Object.values(kata.fragments).flatMap((entries) => entries.map(([key]) => key)));
  return allowedAbsent(symbols, [...kata.whitelist, ...(kata.versionWhitelists[kernelVersion] ?? [])]);
}

/**
 * build-kernel.sh keeps merge_config.sh's "Value requested for CONFIG_X not in final .config" lines and
 * drops those `grep -v -f whitelist.conf` matches: each line a basic regular expression, unanchored.
 * An empty line would match everything; it is reported by the lint (FD401) rather than applied here.
 */
function allowedAbsent(symbols: ReadonlySet<string>, patterns: readonly string[]): string[] {
  // A pattern without special characters matches as a plain substring, the common case, tested as one.
  const tests = patterns.flatMap((p): ((line: string) => boolean)[] => {
    if (!/[.[\]*^$\\]/.test(p)) return [(line) => line.includes(p)];
    const compiled = compilePosixRegex(p, 'basic');
    return 'regex' in compiled ? [(line) => regexTest(compiled.regex, line)] : [];
  });
  return [...symbols].filter((key) => tests.some((test) => test(`Value requested for ${key} not in final .config`))).sort();
}

/**
 * Kata links some fragments to others (x86_64/confidential/snp.conf → ../snp/snp.conf). Where git could
 * not make a symbolic link (core.symlinks=false, or a copy of the tree without links) the file holds the
 * link's target as its only line; such a file is read as the fragment it points to.
 */
function resolveLinkBlobs(texts: Map<string, string>): void {
  for (const [path, text] of texts) {
    if (!/^[A-Za-z0-9_./-]+\.conf(\.in)?$/.test(text)) continue;
    const target = posix.join(posix.dirname(path), text);
    const resolved = texts.get(target);
    if (resolved !== undefined && !target.startsWith('..')) texts.set(path, resolved);
  }
}

/** envsubst: `$NAME` and `${NAME}` of the variables build-kernel.sh sets; others stay as written (lint FD405). */
function substitute(text: string): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare!;
    return name in TEMPLATE_VARIABLES ? TEMPLATE_VARIABLES[name]! : whole;
  });
}

/** Directory levels followed below the fragments directory: Kata uses two; a symlink loop stops here. */
const MAX_DEPTH = 6;

/** Every file under `dir`, as paths relative to `root`, in byte order (a C-locale glob's order). */
async function listFiles(host: ReadHost, root: string, dir: string, depth = 0): Promise<string[]> {
  const files: string[] = [];
  const names = (await host.list(dir ? `${root}/${dir}` : root)).sort();
  for (const name of names) {
    const path = dir ? `${dir}/${name}` : name;
    const kind = await host.kind(`${root}/${path}`);
    if (kind === 'directory' && depth < MAX_DEPTH) files.push(...(await listFiles(host, root, path, depth + 1)));
    else if (kind === 'file') files.push(path);
  }
  return files;
}
