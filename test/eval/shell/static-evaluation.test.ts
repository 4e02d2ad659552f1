// What only a static evaluator has to say: Unknown values and their diagnostics, commands recorded
// instead of run, hooks, where each word came from, and the bounds that stop hostile scripts.
import { describe, expect, it } from 'vitest';
import { runShell } from '../../../src/eval/shell/evaluate-shell.js';
import type { ShellOptions } from '../../../src/eval/shell/evaluate-shell.js';
import { textOf } from '../../../src/eval/shell/shell-value.js';

const run = (script: string, options: ShellOptions = {}) => runShell(script, 'build.sh', options);
const codes = (script: string, options: ShellOptions = {}) => run(script, options).diagnostics.map((d) => `${d.code}:${d.line}`);
const scalar = (script: string, name: string, options: ShellOptions = {}) => {
  const variable = run(script, options).variables.get(name);
  return variable?.kind === 'scalar' ? { text: textOf(variable.value), unknown: variable.value.unknown } : undefined;
};

describe("a command substitution in an inert command's arguments (inertCommands)", () => {
  const inert = { inertCommands: new Set(['sphinx-build', 'make']) };
  const levels = (script: string) => run(script, inert).diagnostics.filter((d) => d.code === 'FD301').map((d) => d.level);
  it.each([
    // script, FD301's level: only the arguments of an inert external command make it a note
    ['CONFDIR=/etc sphinx-build -Dversion="$(cat VERSION)" docs out', ['info']],
    ['/usr/bin/make -j$(nproc)', ['info']],
    ['../configure --with-pkgversion="$(cat VERSION)"', ['warning']],
    ['v=$(cat VERSION); sphinx-build -Dversion="$v"', ['warning']],
    ['$(which make) -j2', ['warning']],
    ['sphinx-build -Dv=x > "$(cat OUT)"', ['warning']],
    ['make() { echo "$@"; }\nmake -j$(nproc)', ['warning']],
    ['sphinx-build "$(echo x)" "$(cat y)"', ['info']],
  ])('%j → %j', (script, expected) => {
    expect(levels(script)).toEqual(expected);
  });

  it('says why it is only a note', () => {
    const [note] = run('sphinx-build -Dversion="$(cat VERSION)"', inert).diagnostics;
    expect(note?.message).toBe('command substitution runs "cat", which flagdiff does not run; its output is unknown; only sphinx-build\'s arguments take it, and nothing is read from them');
  });
});

describe('an unknown value after the last build (builds)', () => {
  const builds: ShellOptions = { builds: (call) => call.argv[0] !== undefined && textOf(call.argv[0]).endsWith('configure') };
  const levels = (script: string, options = builds) => run(script, options).diagnostics.map((d) => `${d.code}:${d.line}:${d.level}`);
  it.each([
    // script, diagnostics (code:line:level): after the last configure nothing is read
    ['../configure --a\nv=$(stat -c %s f.rom)\ncp roms/*.rom out/', ['FD301:2:info', 'FD305:3:info']],
    ['v=$(stat -c %s f.rom)\n../configure --a="$v"', ['FD301:1:warning']],
    ['../configure --a="$(cat A)"\ncp *.rom out', ['FD301:1:warning', 'FD305:2:info']],
    ['../configure --a\nif [ "$(stat f)" -gt 1 ]; then exit 1; fi', ['FD301:2:info', 'FD302:2:info']],
    // ... unless the code not run could hold a build: itself, through a function, or through a name not known
    ['../configure --a\nif [ "$(stat f)" -gt 1 ]; then echo; else ../configure --b; fi', ['FD301:2:info', 'FD302:2:warning']],
    ['b() { ../configure --b; }\n../configure --a\nfor f in $(ls); do b; done', ['FD301:3:info', 'FD302:3:warning']],
    ['../configure --a\ncase "$(uname -m)" in x86_64) $CONFIGURE --b ;; esac', ['FD301:2:info', 'FD302:2:warning']],
    ['../configure --a\ngrep -q x f && eval "$opts"', ['FD302:2:warning']],
    ['../configure --a\ngrep -q x f && cp a b', ['FD302:2:info']],
    // a later command whose name is unknown may be a build: nothing is settled
    ['../configure --a\ncp *.rom out\n$(which configure) --b', ['FD305:2:warning', 'FD301:3:warning']],
    // the functions a build is called through count where they are called
    ['run() { ../configure "$@"; }\ncp *.rom out\nrun --b', ['FD305:2:warning']],
    // no build at all: nothing comes after one
    ['cp *.rom out', ['FD305:1:warning']],
  ])('%j → %j', (script, expected) => {
    expect(levels(script)).toEqual(expected);
  });

  it('says why it is only a note, and leaves a run without the option as it was', () => {
    const script = '../configure --a\ncp roms/*.rom out/';
    expect(run(script, builds).diagnostics[0]?.message).toBe('"roms/*.rom" is a pathname pattern: what it expands to depends on the files present; it comes after the last build, so no build reads it');
    expect(levels(script, {})).toEqual(['FD305:2:warning']);
  });
});

describe('Unknown values', () => {
  it.each([
    // script, diagnostics (code:line): each construct, then its twin that is known
    ['v=$(uname -m)', ['FD301:1']],
    ['v=$(echo x86_64)', []],
    ['x=1\nif grep -q y /etc/os-release; then a=1; else a=2; fi', ['FD302:2']],
    ['x=1\nif [ "$x" = 1 ]; then a=1; else a=2; fi', []],
    ['case "$(hostname)" in a) ;; esac', ['FD301:1', 'FD302:1']],
    ['case "$HOSTNAME" in a) ;; esac', []],
    ['for p in patches/*.patch; do echo "$p"; done', ['FD305:1', 'FD302:1']],
    ['for p in "patches/*.patch"; do echo "$p"; done', []],
    ['sleep 10 &', ['FD303:1']],
    ['eval "$(cat opts)"', ['FD301:1', 'FD306:1']],
    ['eval "echo opts"', []],
    ['echo ok\nif then\necho never', ['FD303:2']],
  ])('%j → %j', (script, expected) => {
    expect(codes(script)).toEqual(expected);
  });

  it('keeps an Unknown value Unknown, with its reason, through concatenation', () => {
    expect(scalar('v="--target-list=$(uname -m)-softmmu"', 'v')).toEqual({ text: '--target-list=-softmmu', unknown: 'the output of "uname"' });
  });

  it('takes neither branch of an undecided if', () => {
    const result = run('a=0\nif command -v gcc; then a=1; else a=2; fi\necho "$a"');
    expect(textOf(result.stdout)).toBe('0\n');
    expect(result.diagnostics[0]?.message).toMatch(/depends on the exit status of "command", which flagdiff does not run/);
  });

  it('stops where bash stops at a syntax error, and keeps what came before', () => {
    const result = run('echo ok\nif then\necho never');
    expect(textOf(result.stdout)).toBe('ok\n');
  });

  it('stops on an unset variable under set -u, as bash does', () => {
    const result = run('set -u\necho "${DEFINED:-fine}"\necho "$MISSING"\necho after');
    expect(textOf(result.stdout)).toBe('fine\n');
    expect(textOf(result.stderr)).toBe('MISSING: unbound variable\n');
    expect(result.status).toBe(1);
  });
});

describe('commands, hooks and provenance', () => {
  const recipe = [
    'run_configure() {', // 1
    '  ../configure --prefix=/usr \\', // 2
    '    "$@"', // 3
    '}', // 4
    'mkdir -p build-main', // 5
    'pushd build-main', // 6
    'CFLAGS="-O2" run_configure --enable-kvm --target-list="x86_64-softmmu"', // 7
    'popd', // 8
    '../configure --disable-tools', // 9
  ].join('\n');

  it('records external commands with their argv, working directory and the chain that reached them', () => {
    const { commands } = run(recipe, { cwd: '/src/qemu' });
    expect(commands.map((c) => c.argv.map(textOf))).toEqual([
      ['../configure', '--prefix=/usr', '--enable-kvm', '--target-list=x86_64-softmmu'],
      ['../configure', '--disable-tools'],
    ]);
    expect(commands.map((c) => textOf(c.cwd))).toEqual(['/src/qemu/build-main', '/src/qemu']);
    const [first] = commands;
    expect(first!.origin).toEqual({ file: 'build.sh', line: 2, via: [{ file: 'build.sh', line: 7, name: 'run_configure' }] });
    expect(first!.argv.map((a) => a.origin.line)).toEqual([2, 2, 3, 3]);
    expect(first!.argv[2]!.pieces[0]!.origin).toEqual({ file: 'build.sh', line: 7 });
  });

  it('passes NAME=value prefixes as the environment of a function call', () => {
    const result = run('f() { echo "$CFLAGS"; }\nCFLAGS=-O2 f\necho "[$CFLAGS]"');
    expect(textOf(result.stdout)).toBe('-O2\n[]\n');
  });

  it('asks a hook before the script\'s functions, and records what no hook answers', () => {
    const script = 'show() { echo script; }\nshow a b\nuname -m\nv=$(uname -m)';
    const result = run(script, { hooks: { show: (c) => ({ status: 0, stdout: `hook ${c.argv.slice(1).map(textOf).join(' ')}\n` }), uname: () => undefined } });
    expect(textOf(result.stdout)).toBe('hook a b\n');
    expect(result.commands.map((c) => textOf(c.argv[0]!))).toEqual(['uname', 'uname']);
  });

  it('follows the success path when told that build steps succeed', () => {
    const script = 'make && echo built || echo failed';
    expect(codes(script)).toEqual(['FD302:1']);
    expect(textOf(run(script, { externalStatus: 0 }).stdout)).toBe('built\n');
  });

  it('records writes to files, each line of text with the line it was written at', () => {
    const script = ["DEVS='", 'CONFIG_VIRTIO_BLK=y', 'CONFIG_VIRTIO_NET=y', "'", "printf 'CONFIG_PCI=y\\n%s\\n' \"$DEVS\" >> configs/devices/x.mak"].join('\n');
    const [write] = run(script, { cwd: '/q' }).writes;
    expect(textOf(write!.path)).toBe('configs/devices/x.mak');
    expect(write!.append).toBe(true);
    expect(textOf(write!.content)).toBe('CONFIG_PCI=y\n\nCONFIG_VIRTIO_BLK=y\nCONFIG_VIRTIO_NET=y\n\n');
    const lineOf = (text: string) => write!.content.pieces.find((p) => p.text.includes(text))?.origin.line;
    expect([lineOf('CONFIG_PCI'), lineOf('CONFIG_VIRTIO_BLK'), lineOf('CONFIG_VIRTIO_NET')]).toEqual([5, 2, 3]);
  });

  it('knows the directories the script made, and asks the caller about the others', () => {
    const script = 'mkdir -p out/a\n[ -d out/a ] && echo made\n[ -f VERSION ] && echo version\n[ -f other ] || echo none';
    const result = run(script, { cwd: '/w', pathKind: (p) => (p === '/w/VERSION' ? 'file' : p === '/w/other' ? 'missing' : undefined) });
    expect(textOf(result.stdout)).toBe('made\nversion\nnone\n');
  });
});

describe('bounds on hostile scripts', () => {
  it.each([
    // script, what stopped it
    ['while true; do :; done', /a loop of more than 10000 iterations/],
    ['f() { f; }; f', /function calls nested more than 100 deep/],
    ['x=a; while true; do x=$x$x; done', /a value longer than 1000000 characters/],
    ['a=(); while :; do a+=(x x x x x x x x x x x x); done', /an array of more than 100000 elements/],
  ])('%s', (script, message) => {
    const result = run(script);
    expect(result.stopped).toBe(true);
    expect(result.diagnostics.find((d) => d.code === 'FD304')?.message).toMatch(message);
  });

  it('parses deep nesting up to a bound, then reports it', () => {
    const deep = `${'$('.repeat(300)}echo${')'.repeat(300)}`;
    expect(codes(deep)).toEqual(['FD303:1']);
  });

  it('matches a pattern that would make a backtracking matcher exponential, in linear time', () => {
    const text = 'a'.repeat(5000);
    expect(textOf(run(`v=${text}; [[ $v == *a*a*a*a*a*a*a*b ]] || echo no; [[ $v =~ ^(a*)*b$ ]] || echo no`).stdout)).toBe('no\nno\n');
  });
});
