// Which QEMU features build, left `auto`, what --enable-X builds on a Linux host: read from QEMU
// trees' meson.build files. Writes src/knowledge/qemu-linux-auto.json; run by hand, output committed:
//   node scripts/qemu-linux-auto.mjs 'DIR=SOURCE DESCRIPTION' ...
// DIR holds a QEMU tree (at least VERSION, configure and its meson.build files) of a version that
// src/knowledge/qemu-options.json has read, from 6.2 on: before, configure probed for most features
// itself and meson.build only saw the outcome (5.2's Linux defaults are in qemu-options.json); 6.x's
// configure still turns some on itself (`configureOnByDefault`). Its test reads the trees .ci/run
// downloads again.
//
// A feature X counts when every question meson.build asks of it gets the same answer with X `auto`
// as with X `enabled`, on a Linux host building a system emulator (what flagdiff assumes of every
// Kata and distro build), and one of them lets something be built: `have_vhost_user =
// get_option('vhost_user').disable_auto_if(host_os != 'linux')...allowed()`, `if
// get_option('vmdk').allowed()`. Then a build that leaves X auto builds what --enable-X builds.
// X does not count when it is handed to a probe (`required: get_option('X')`: enabled fails where
// auto quietly goes without), when a condition in its chain is not decidable (`.require(libattr.found())`),
// or when an error check asks `.enabled()` (`if not have_netmap and get_option('netmap').enabled()`):
// what that check stops is what `auto` silently drops.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { configureFollows } from './generate-qemu-options.mjs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What every build flagdiff reads has in common; any other name is looked up in the tree or unknown. */
const LINUX_SYSTEM_BUILD = new Map([['host_os', 'linux'], ['targetos', 'linux'], ['have_system', true], ['true', true], ['false', false]]);
const SKIPPED_DIRS = new Set(['tests', 'subprojects', 'roms']);

/** The features of `names` whose `auto` builds what `enabled` builds on Linux, by the tree's meson.build files; sorted. */
export function linuxAutoFeatures(tree, names) {
  const statements = mesonFiles(tree).flatMap((file) => logicalLines(readFileSync(file, 'utf8')));
  const assignments = new Map();
  for (const statement of statements) {
    const assignment = /^(\w+)\s*=(?!=)\s*(.+)$/.exec(statement);
    if (assignment) assignments.set(assignment[1], [...(assignments.get(assignment[1]) ?? []), assignment[2]]);
  }
  return names.filter((name) => isLinuxAuto(name, statements, assignments)).sort();
}

/**
 * QEMU 6.x: features configure itself turns on unless --without-default-features
 * (`bochs=${default_feature:-yes}`, and in the Linux host case `vhost_user=${default_feature:-yes}`),
 * and those it turns on after its option loop when still empty (`vhost_kernel="$default_feature"`,
 * then `test "$vhost_kernel" = "" && vhost_kernel=$linux`; vhost-net when any vhost backend is on):
 * on a Linux host their `auto` builds what --enable-X builds, with no probe at all.
 */
export function configureOnByDefault(tree) {
  const path = join(tree, 'configure');
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  const head = text.slice(0, text.lastIndexOf('\nfor opt do'));
  const on = new Set([...head.matchAll(/^\s*(\w+)=\$\{default_feature:-yes\}$/gm)].map((m) => m[1]));
  // A probe (`x="$default_feature"`) or a variable never set that configure then turns on after its
  // option loop (`test "$vhost_kernel" = "" && vhost_kernel=$linux`): empty unless a switch set it.
  const set = new Set([...head.matchAll(/^(\w+)="(?:no|yes|auto|enabled|disabled)"$/gm)].map((m) => m[1]));
  for (const [name, sources] of configureFollows(text)) {
    if (!set.has(name) && sources.some((source) => source === 'linux' || on.has(source))) on.add(name);
  }
  return [...on];
}

/** The features whose default is `auto` in the QEMU version of `tree`, by qemu-options.json. */
export function autoFeaturesOf(tree) {
  const vocabulary = JSON.parse(readFileSync(new URL('../src/knowledge/qemu-options.json', import.meta.url), 'utf8'));
  const version = readFileSync(join(tree, 'VERSION'), 'utf8').trim();
  const index = vocabulary.versions.findIndex((v) => v.split('.').slice(0, 2).join('.') === version.split('.').slice(0, 2).join('.'));
  if (index < 0) throw new Error(`QEMU ${version} is not a version qemu-options.json has read`);
  const names = Object.entries(vocabulary.options).filter(([, o]) => o.kind === 'feature' && o.defaults[index] === 'auto').map(([key]) => key);
  return { version: vocabulary.versions[index], names };
}

function main() {
  const trees = process.argv.slice(2).map((arg) => {
    const [dir, ...source] = arg.split('=');
    return { dir, source: source.join('=') };
  });
  if (trees.length === 0) throw new Error("usage: qemu-linux-auto.mjs 'DIR=SOURCE' ...");
  const versions = {};
  for (const { dir } of trees) {
    const { version, names } = autoFeaturesOf(dir);
    const byConfigure = configureOnByDefault(dir).filter((name) => names.includes(name));
    versions[version] = [...new Set([...linuxAutoFeatures(dir, names), ...byConfigure])].sort();
  }
  const out = new URL('../src/knowledge/qemu-linux-auto.json', import.meta.url);
  writeFileSync(out, `${JSON.stringify({ sources: trees.map((t) => t.source), versions }, null, 1)}\n`);
  console.log(Object.entries(versions).map(([v, names]) => `${v}: ${names.length}`).join(', '));
}

function mesonFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) files.push(...mesonFiles(join(dir, entry.name)));
    else if (entry.name === 'meson.build') files.push(join(dir, entry.name));
  }
  return files.sort();
}

function isLinuxAuto(name, statements, assignments) {
  const call = `get_option('${name}')`;
  const auto = new Evaluator(assignments, name, 'auto');
  const enabled = new Evaluator(assignments, name, 'enabled');
  let turnsOn = false;
  for (const statement of statements) {
    if (!statement.includes(call) || /^summary_info\s*\+=/.test(statement)) continue;
    // configure's outcome (6.x's config_host) may hang on its own probe of the feature: not decidable here.
    if (/\bconfig_host\b/.test(statement)) return false;
    const parser = new Parser(/^(?:el)?if\s+(.+)$/.exec(statement)?.[1] ?? /^\w+\s*=(?!=)\s*(.+)$/.exec(statement)?.[1] ?? statement);
    const answers = questionsOf(parser.expression(), name);
    // Each use must be a question answered alike: one handed on as an object (`required:`) is not.
    if (!parser.done() || answers.length !== statement.split(call).length - 1) return false;
    for (const question of answers) {
      const [whenAuto, whenEnabled] = [auto.value(question), enabled.value(question)];
      if (typeof whenAuto !== 'boolean' || whenAuto !== whenEnabled) return false;
      turnsOn ||= question.callee.name === 'disabled' ? !whenAuto : whenAuto;
    }
  }
  return turnsOn;
}

const QUESTIONS = new Set(['allowed', 'enabled', 'disabled', 'auto']);

/** Every `get_option('X')....allowed()` (or `.enabled()`, ...) in an expression tree. */
function questionsOf(node, name, found = []) {
  if (node === null || typeof node !== 'object') return found;
  if (node.type === 'call' && node.callee.type === 'member' && QUESTIONS.has(node.callee.name) && rootOption(node.callee.object) === name) {
    found.push(node);
    return found;
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const item of value) questionsOf(item, name, found);
    else questionsOf(value, name, found);
  }
  return found;
}

/** The option a feature chain starts from: `get_option('X').require(...)...` → X. */
function rootOption(node) {
  if (node.type !== 'call') return undefined;
  if (node.callee.type === 'name' && node.callee.name === 'get_option') return node.args[0]?.type === 'string' ? node.args[0].value : undefined;
  return node.callee.type === 'member' ? rootOption(node.callee.object) : undefined;
}

/**
 * meson expressions in three-valued logic: a value, or `undefined` when it depends on anything but
 * the Linux system build, the state of the one feature judged, and variables assigned once from
 * such expressions. Other features count as unknown: the build judged may set them either way.
 */
class Evaluator {
  constructor(assignments, feature, state) {
    this.assignments = assignments;
    this.feature = feature;
    this.state = state;
    this.variables = new Map();
  }

  evaluate(text) {
    const parser = new Parser(text);
    const node = parser.expression();
    return parser.done() ? this.value(node) : undefined;
  }

  variable(name) {
    if (LINUX_SYSTEM_BUILD.has(name)) return LINUX_SYSTEM_BUILD.get(name);
    if (this.variables.has(name)) return this.variables.get(name);
    this.variables.set(name, undefined); // a cycle reads as unknown
    const assigned = this.assignments.get(name);
    const value = assigned?.length === 1 ? this.evaluate(assigned[0]) : undefined;
    this.variables.set(name, value);
    return value;
  }

  value(node) {
    switch (node.type) {
      case 'string':
        return node.value;
      case 'list': {
        const items = node.items.map((item) => this.value(item));
        return items.includes(undefined) ? undefined : items;
      }
      case 'name':
        return this.variable(node.name);
      case 'not': {
        const value = this.value(node.operand);
        return typeof value === 'boolean' ? !value : undefined;
      }
      case 'and':
      case 'or': {
        const [left, right] = [this.value(node.left), this.value(node.right)];
        const decisive = node.type === 'and' ? false : true;
        if (left === decisive || right === decisive) return decisive;
        return typeof left === 'boolean' && typeof right === 'boolean' ? !decisive : undefined;
      }
      case 'compare': {
        const [left, right] = [this.value(node.left), this.value(node.right)];
        if (left === undefined || right === undefined) return undefined;
        const equal = node.op === 'in' || node.op === 'not in' ? Array.isArray(right) && right.includes(left) : left === right;
        return node.op === '==' || node.op === 'in' ? equal : !equal;
      }
      case 'call':
        return this.call(node);
      default:
        return undefined;
    }
  }

  /** `host_machine.system()`, and a feature's `.allowed()`, `.enabled()`, `.disabled()`, `.auto()`. */
  call(node) {
    const { callee } = node;
    if (callee.type !== 'member') return undefined;
    if (callee.object.type === 'name' && callee.object.name === 'host_machine' && callee.name === 'system') return LINUX_SYSTEM_BUILD.get('host_os');
    const state = this.featureState(callee.object);
    if (state === undefined || state === 'error') return state;
    if (callee.name === 'allowed') return state !== 'disabled';
    if (['enabled', 'disabled', 'auto'].includes(callee.name)) return state === callee.name;
    return undefined;
  }

  /** The state a feature object stands for: `get_option('X')` and its `.require()`-style chain. */
  featureState(node) {
    if (node.type !== 'call') return undefined;
    const { callee, args } = node;
    if (callee.type === 'name' && callee.name === 'get_option') {
      const name = args[0]?.type === 'string' ? args[0].value : undefined;
      // Another feature may be set either way in the build being judged: unknown.
      return name === this.feature ? this.state : undefined;
    }
    if (callee.type !== 'member') return undefined;
    const state = this.featureState(callee.object);
    if (state === undefined || state === 'error') return state;
    const holds = args[0] ? this.value(args[0]) : undefined;
    if (typeof holds !== 'boolean') return undefined;
    switch (callee.name) {
      case 'require':
        return holds ? state : state === 'enabled' ? 'error' : 'disabled';
      case 'disable_auto_if':
        return holds && state === 'auto' ? 'disabled' : state;
      case 'enable_auto_if':
        return holds && state === 'auto' ? 'enabled' : state;
      case 'disable_if':
        return holds ? 'disabled' : state;
      default:
        return undefined;
    }
  }
}

/** meson's expression syntax, enough to know what is decidable: anything else parses as unknown. */
class Parser {
  constructor(text) {
    this.tokens = text.match(/'''[\s\S]*?'''|'(?:[^'\\]|\\.)*'|==|!=|[()[\]{},.:?]|[A-Za-z_]\w*|\d+|\S/g) ?? [];
    this.at = 0;
  }

  done() {
    return this.at === this.tokens.length;
  }

  peek(offset = 0) {
    return this.tokens[this.at + offset];
  }

  take(expected) {
    const token = this.tokens[this.at++];
    if (expected !== undefined && token !== expected) this.at = Infinity;
    return token;
  }

  expression() {
    const condition = this.or();
    if (this.peek() !== '?') return condition;
    this.take('?');
    this.expression();
    this.take(':');
    this.expression();
    return { type: 'unknown' };
  }

  or() {
    return this.chain('or', () => this.and());
  }

  and() {
    return this.chain('and', () => this.not());
  }

  /** `a op b op c`, left to right. */
  chain(op, operand) {
    let left = operand();
    while (this.peek() === op) {
      this.take();
      left = { type: op, left, right: operand() };
    }
    return left;
  }

  not() {
    if (this.peek() !== 'not') return this.comparison();
    this.take();
    return { type: 'not', operand: this.not() };
  }

  comparison() {
    const left = this.postfix();
    const op = this.peek() === 'not' && this.peek(1) === 'in' ? 'not in' : this.peek();
    if (!['==', '!=', 'in', 'not in', '<', '>'].includes(op)) return left;
    this.take();
    if (op === 'not in') this.take();
    return { type: op === '<' || op === '>' ? 'unknown' : 'compare', op, left, right: this.postfix() };
  }

  postfix() {
    let node = this.primary();
    for (;;) {
      if (this.peek() === '.') {
        this.take();
        node = { type: 'member', object: node, name: this.take() };
      } else if (this.peek() === '(') {
        node = { type: 'call', callee: node, args: this.arguments() };
      } else if (this.peek() === '[') {
        this.take();
        this.expression();
        this.take(']');
        node = { type: 'unknown' };
      } else return node;
    }
  }

  /** Positional arguments; keyword ones (`error_message: '...'`) are read and dropped. */
  arguments() {
    this.take('(');
    const args = [];
    while (this.peek() !== undefined && this.peek() !== ')') {
      if (/^[A-Za-z_]\w*$/.test(this.peek()) && this.peek(1) === ':') {
        this.take();
        this.take();
        this.expression();
      } else args.push(this.expression());
      if (this.peek() === ',') this.take();
    }
    this.take(')');
    return args;
  }

  primary() {
    const token = this.take();
    if (token === undefined) return { type: 'unknown' };
    if (token === '(') {
      const node = this.expression();
      this.take(')');
      return node;
    }
    if (token === '[' || token === '{') {
      const close = token === '[' ? ']' : '}';
      const items = [];
      while (this.peek() !== undefined && this.peek() !== close) {
        items.push(this.expression());
        if (this.peek() === ':') {
          this.take();
          this.expression();
        }
        if (this.peek() === ',') this.take();
      }
      this.take(close);
      return token === '[' ? { type: 'list', items } : { type: 'unknown' };
    }
    if (token.startsWith("'''")) return { type: 'string', value: token.slice(3, -3) };
    if (token.startsWith("'")) return { type: 'string', value: token.slice(1, -1).replace(/\\(.)/g, '$1') };
    if (/^[A-Za-z_]/.test(token)) return { type: 'name', name: token };
    return { type: 'unknown' };
  }
}

// --- statements ---------------------------------------------------------------------------------

/** Statements with comments removed, lines inside brackets or after `\` joined, blanks squeezed. */
function logicalLines(source) {
  const lines = [];
  let current = '';
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "'") {
      const end = stringEnd(source, i);
      current += source.slice(i, end);
      i = end - 1;
    } else if (c === '#') {
      while (i + 1 < source.length && source[i + 1] !== '\n') i++;
    } else if (c === '\\' && source[i + 1] === '\n') {
      current += ' ';
      i++;
    } else if (c === '\n' && depth === 0) {
      if (current.trim()) lines.push(current.trim().replace(/\s+/g, ' '));
      current = '';
    } else {
      if ('([{'.includes(c)) depth++;
      if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
      current += c === '\n' ? ' ' : c;
    }
  }
  if (current.trim()) lines.push(current.trim().replace(/\s+/g, ' '));
  return lines;
}

function stringEnd(text, start) {
  if (text.startsWith("'''", start)) {
    const end = text.indexOf("'''", start + 3);
    return end < 0 ? text.length : end + 3;
  }
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === "'" || text[i] === '\n') return i + 1;
  }
  return text.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
