#!/usr/bin/env node
// Writes src/knowledge/kernel-modules.json: which module each tristate symbol Kata asks for builds
// when set to m, read from the kernel's own kbuild files (`obj-$(CONFIG_X) += name.o`, the rule
// scripts/Makefile.build turns into name.ko). Only tristate symbols (Kconfig `tristate` or
// `def_tristate`: a bool is never m) of the built-in Kata profile are kept.
// Run by hand with Debian's linux-source-6.12 installed, and commit the output:
//   npm run build && node scripts/generate-module-names.mjs [/usr/src/linux-source-6.12.tar.xz]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const tarball = process.argv[2] ?? '/usr/src/linux-source-6.12.tar.xz';
const cache = fileURLToPath(new URL('../node_modules/.cache/flagdiff/kbuild', import.meta.url));
mkdirSync(cache, { recursive: true });
execFileSync('tar', ['-xJf', tarball, '-C', cache, '--wildcards', '*/Makefile', '*/Kbuild', '*/Kconfig*']);
const [top] = readdirSync(cache);

const kata = JSON.parse(readFileSync(new URL('../src/knowledge/kata-kernel.json', import.meta.url), 'utf8'));
const wanted = new Set(Object.values(kata.fragments).flatMap((entries) => entries.filter(([, value]) => value === 'y').map(([key]) => key)));

/** `obj-$(CONFIG_X) += a.o b.o` with backslash continuations joined; directories (`dir/`) build no module. */
const modules = new Map();
const tristate = new Set();
function scan(file) {
  if (file.slice(file.lastIndexOf('/') + 1).startsWith('Kconfig')) {
    // A config entry's attributes come in any order until the next entry or menu keyword.
    let current;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const entry = /^\s*(?:menu)?config\s+(\w+)/.exec(line);
      if (entry) current = `CONFIG_${entry[1]}`;
      else if (/^\s*(choice|endchoice|menu|endmenu|if|endif|source|comment)\b/.test(line)) current = undefined;
      else if (current && /^\s*(def_)?tristate\b/.test(line)) tristate.add(current);
    }
    return;
  }
  const text = readFileSync(file, 'utf8').replace(/\\\n/g, ' ');
  for (const [, symbol, objects] of text.matchAll(/^obj-\$\((CONFIG_\w+)\)\s*[+:]?=\s*(.*)$/gm)) {
    if (!wanted.has(symbol)) continue;
    for (const object of objects.split(/\s+/)) {
      if (!object.endsWith('.o')) continue;
      const name = object.slice(object.lastIndexOf('/') + 1, -2).replaceAll('-', '_');
      modules.set(symbol, [...new Set([...(modules.get(symbol) ?? []), name])]);
    }
  }
}
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else scan(path);
  }
}
walk(join(cache, top));

const symbols = Object.fromEntries([...modules].filter(([key]) => tristate.has(key)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, names]) => [key, names.sort()]));
const out = { source: `${top} (${tarball.split('/').pop()})`, symbols };
writeFileSync(new URL('../src/knowledge/kernel-modules.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
console.log(`${Object.keys(symbols).length} of the ${wanted.size} symbols Kata wants are tristate and build a module`);
