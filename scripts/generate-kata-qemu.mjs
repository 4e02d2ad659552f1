// Writes src/knowledge/kata-qemu.json: Kata's QEMU build as data, for the built-in reference of
// `flagdiff qemu`. Run by hand, output committed:
//   node scripts/generate-kata-qemu.mjs KATA_CHECKOUT DUMPS_DIR COMMIT QEMU_VERSION
// - DUMPS_DIR/kata-qemu-QEMU_VERSION-static-ARCH.dump: what `configure-hypervisor.sh -ds kata-qemu ARCH`
//   prints (tags, tab, option); each option is located at the line of the script that appends it;
// - build-qemu.sh: the devices and objects its verify_devices/verify_objects check per arch in
//   the plain kata-qemu build (the arrays, and the words of each arch's case arm);
// - src/runtime/arch/*-options.mk: MACHINETYPE per arch; configuration-qemu.toml.in: the settings
//   whose defaults decide which devices the runtime asks QEMU for.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SCRIPT = 'tools/packaging/scripts/configure-hypervisor.sh';
const BUILD = 'tools/packaging/static-build/qemu/build-qemu.sh';
const TOML = 'src/runtime/config/configuration-qemu.toml.in';
const RUNTIME_ARCH = { x86_64: 'amd64', aarch64: 'arm64', s390x: 's390x', ppc64le: 'ppc64le' };

const [checkout, dumps, commit, qemuVersion] = process.argv.slice(2);
if (!qemuVersion) throw new Error('usage: generate-kata-qemu.mjs KATA_CHECKOUT DUMPS_DIR COMMIT QEMU_VERSION');
const read = (path) => readFileSync(join(checkout, path), 'utf8');
const script = read(SCRIPT).split('\n');
const build = read(BUILD).split('\n');

/** The script line appending `option`, after `after` (repeated options take successive lines). */
function scriptLine(option, used) {
  const name = option.split('=')[0];
  option = option.replace(/"/g, '');
  const tests = [(l) => l.includes(`:${option})`) || l.includes(`:${option}"`), (l) => l.includes(`:${name}=`), (l) => l.includes(`:${name}`)];
  for (const test of tests) {
    const index = script.findIndex((l, i) => !used.has(i) && l.includes('qemu_options+=') && test(l.replace(/"/g, '')));
    if (index >= 0) {
      used.add(index);
      return index + 1;
    }
  }
  return 0;
}

function options(arch) {
  const text = readFileSync(join(dumps, `kata-qemu-${qemuVersion}-static-${arch}.dump`), 'utf8');
  const used = new Set();
  return text
    .split('\n')
    .filter((line) => /^[a-z,]+\t/.test(line))
    .map((line) => {
      const [tags, ...rest] = line.split('\t');
      const option = rest.filter(Boolean).join('\t');
      return [tags, option, scriptLine(option, used)];
    });
}

/** `_name=( words )` arrays of build-qemu.sh, each word with its line. */
function arrays() {
  const found = new Map();
  for (let i = 0; i < build.length; i++) {
    const m = /^(_\w+)=\((.*)$/.exec(build[i]);
    if (!m || found.has(m[1])) continue;
    const words = [];
    let line = i;
    let text = m[2];
    for (;;) {
      const done = text.includes(')');
      for (const w of text.replace(/\).*/, '').split(/\s+/).filter(Boolean)) words.push([w, line + 1]);
      if (done) break;
      text = build[++line];
    }
    found.set(m[1], words);
  }
  return found;
}

/** The words verify_devices / verify_objects get in the arch's case arm. */
function verified(arch, lists) {
  const start = build.findIndex((l) => l === `${arch})`);
  const devices = [];
  const objects = [];
  for (let i = start + 1; i < build.length && build[i].trim() !== ';;'; i++) {
    const line = build[i];
    const target = line.includes('verify_objects') ? objects : devices;
    for (const ref of line.matchAll(/"\$\{(_\w+)\[@\]\}"/g)) target.push(...(lists.get(ref[1]) ?? []));
    for (const word of line.replace(/"\$\{_\w+\[@\]\}"/g, '').replace(/verify_(devices|objects)|\\|if .*|fi/g, '').split(/\s+/).filter((w) => /^[a-z][\w-]*$/.test(w))) {
      target.push([word, i + 1]);
    }
  }
  return { devices, objects };
}

function machine(arch) {
  const file = `src/runtime/arch/${RUNTIME_ARCH[arch]}-options.mk`;
  const lines = read(file).split('\n');
  const index = lines.findIndex((l) => /^MACHINETYPE :?= /.test(l));
  return [lines[index].split('=')[1].trim(), file, index + 1];
}

function tomlLine(setting) {
  return read(TOML).split('\n').findIndex((l) => l.startsWith(`${setting} =`)) + 1;
}

const lists = arrays();
const arches = {};
for (const arch of Object.keys(RUNTIME_ARCH)) {
  arches[arch] = { options: options(arch), ...verified(arch, lists), machine: machine(arch) };
}
const runtime = Object.fromEntries(['shared_fs', 'virtio_fs_cache_size', 'disable_image_nvdimm', 'seccompsandbox', 'machine_type'].map((s) => [s, tomlLine(s)]));
const data = { repository: 'kata-containers/kata-containers', commit, qemuVersion, script: SCRIPT, allowlist: BUILD, toml: TOML, runtime, arches };
writeFileSync(new URL('../src/knowledge/kata-qemu.json', import.meta.url), `${JSON.stringify(data, null, 1)}\n`);
for (const [arch, a] of Object.entries(arches)) {
  console.log(arch, a.options.length, 'options', a.options.filter((o) => !o[2]).length, 'unlocated;', a.devices.length, 'devices', a.objects.length, 'objects', a.machine[0]);
}
