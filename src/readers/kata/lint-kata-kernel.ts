/**
 * Lints of Kata's own fragment tree (FD401-FD406): what build-kernel.sh and merge_config.sh do with it
 * differs from what its authors meant (configs/README.md). Each check cites the behaviour it mirrors.
 */
import { ARCHES } from '../../model/arch.js';
import type { Code } from '../../model/codes.js';
import { diagnostic } from '../../model/diagnostic.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { quoteLine } from '../diagnostic-sink.js';
import { EXCLUSION_NAMES, TEMPLATE_VARIABLES, kernelFlavorNames, kernelOptionsOf, selectKataFragments } from './select-kata-fragments.js';

type Assignments = Readonly<Record<string, ReadonlyArray<readonly [string, string, number]>>>;

export function lintKataKernel(
  texts: ReadonlyMap<string, string>,
  fragments: Assignments,
  exclusions: Readonly<Record<string, readonly string[]>>,
  root: string,
): Diagnostic[] {
  const lints: Diagnostic[] = [];
  const add = (code: Code, message: string, path: string, line: number) => lints.push(diagnostic(code, message, { file: `${root}/${path}`, line }));
  const assigned = new Set(Object.values(fragments).flatMap((entries) => entries.map(([key]) => key)));
  // A fragment linked to another (or copied) is the same file: lint it once, under its first path.
  const linted = new Set<string>();
  for (const [path, text] of [...texts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (linted.has(text)) continue;
    linted.add(text);
    const lines = text.split('\n');
    if (/^whitelist(-.+)?\.conf$/.test(path)) {
      // build-kernel.sh: grep -v -f whitelist.conf; an empty pattern matches every line.
      lines.forEach((line, i) => {
        if (line === '' && i < lines.length - 1) add('FD401', `line ${i + 1} of ${path} is empty: as a grep -f pattern it matches every line, so build-kernel.sh drops every "not in final .config" message and its check never fails`, path, i + 1);
      });
      continue;
    }
    lines.forEach((line, i) => {
      if (!line.startsWith('#') || /^# CONFIG_[A-Za-z0-9_]+ is not set$/.test(line)) return;
      lintTags(line, path, i + 1, add);
      for (const symbol of new Set(line.match(/(?<![A-Za-z0-9_])CONFIG_[A-Za-z0-9_]+(?![A-Za-z0-9_])/g) ?? [])) {
        if (!assigned.has(symbol)) continue;
        add('FD403', `a comment in ${path} mentions ${symbol}: merge_config.sh finds it with grep -w, takes the comment for a requested value, and reports ${symbol} as redefined or "not in final .config"`, path, i + 1);
      }
    });
    lintTemplateVariables(path, lines, add);
  }
  lints.push(...lintSelections(fragments, exclusions, texts, root));
  return lints;
}

/** `!tag` in a comment: only common/*.conf are filtered, and only by `!<kernel arch>` and `!confidential`, as substrings. */
function lintTags(line: string, path: string, at: number, add: (code: Code, message: string, path: string, line: number) => void): void {
  for (const [, tag] of line.matchAll(/!([A-Za-z0-9_]+)/g)) {
    if (!/^common\/[^/]+\.conf$/.test(path)) {
      add('FD402', `!${tag} in ${path} is never tested: build-kernel.sh filters only common/*.conf by tags`, path, at);
    } else if (!EXCLUSION_NAMES.some((name) => tag!.startsWith(name))) {
      add('FD402', `!${tag} in ${path} can never match: build-kernel.sh looks for "!" followed by a kernel arch name (${EXCLUSION_NAMES.slice(0, -1).join(', ')}) or confidential`, path, at);
    }
  }
}

/** envsubst replaces every `$NAME` of a `.conf.in`; a `.conf` is not a template and keeps `${NAME}` as written. */
function lintTemplateVariables(path: string, lines: readonly string[], add: (code: Code, message: string, path: string, line: number) => void): void {
  lines.forEach((line, i) => {
    if (line.startsWith('#')) return;
    for (const [whole, braced, bare] of line.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
      const name = braced ?? bare!;
      if (path.endsWith('.conf.in') && name in TEMPLATE_VARIABLES) continue;
      const why = path.endsWith('.conf.in')
        ? `build-kernel.sh sets only ${Object.keys(TEMPLATE_VARIABLES).join(', ')} before envsubst, so ${whole} becomes whatever the build environment holds, usually nothing`
        : `${path} is not a template (.conf.in), so merge_config.sh reads ${whole} literally`;
      add('FD405', `${quoteLine(line)} leaves ${whole} unsubstituted: ${why}`, path, i + 1);
    }
  });
}

/**
 * Over every arch and every combination of build-kernel.sh options: a symbol given different values by
 * two fragments that one build merges (FD404), and fragments that no build merges (FD406).
 */
function lintSelections(fragments: Assignments, exclusions: Readonly<Record<string, readonly string[]>>, texts: ReadonlyMap<string, string>, root: string): Diagnostic[] {
  const paths = Object.keys(fragments);
  const selections: { paths: ReadonlySet<string>; flavor: string; arch: string }[] = [];
  for (const arch of ARCHES) {
    for (const flavor of combinations(kernelFlavorNames(paths).filter((n) => n !== 'kata-deploy' && n !== 'plain'))) {
      const options = kernelOptionsOf(flavor.join('+') || 'plain', arch, paths);
      const selection = options && selectKataFragments(paths, exclusions, arch, options);
      if (selection && 'paths' in selection) selections.push({ paths: new Set(selection.paths), flavor: flavor.join('+') || 'plain', arch });
    }
  }
  const lints: Diagnostic[] = [];
  const writers = new Map<string, { path: string; value: string; line: number }[]>();
  for (const [path, entries] of Object.entries(fragments)) for (const [key, value, line] of entries) writers.set(key, [...(writers.get(key) ?? []), { path, value, line }]);
  for (const [key, list] of [...writers].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const [i, a] of list.entries()) {
      for (const b of list.slice(i + 1)) {
        if (a.value === b.value || a.path === b.path) continue;
        const together = selections.find((s) => s.paths.has(a.path) && s.paths.has(b.path));
        if (!together) continue;
        lints.push(diagnostic('FD404', `${key} is ${a.value} in ${a.path}:${a.line} and ${b.value} in ${b.path}:${b.line}, both merged for ${together.arch} (${together.flavor}); the later fragment wins`, { file: `${root}/${b.path}`, line: b.line }));
      }
    }
  }
  // What a build merges through a link (x86_64/confidential/snp.conf → ../snp/snp.conf) is reached too.
  const reached = new Set(selections.flatMap((s) => [...s.paths].map((p) => texts.get(p))));
  for (const path of paths.sort()) {
    if (!reached.has(texts.get(path))) lints.push(diagnostic('FD406', `${path} is merged by no build: build-kernel.sh never selects it, whatever the arch and options`, { file: `${root}/${path}`, line: 0 }));
  }
  return lints;
}

/** Every subset of the flavour names, build types excluded from one another (one -b at a time). */
function combinations(names: readonly string[]): string[][] {
  let sets: string[][] = [[]];
  for (const name of names) sets = [...sets, ...sets.map((s) => [...s, name])];
  const fixed = new Set(['confidential', 'measured', 'nvidia-gpu', 'debug', 'signing']);
  return sets.filter((s) => s.filter((n) => !fixed.has(n)).length <= 1);
}
