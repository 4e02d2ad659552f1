// The text filters against the real tools: the same arguments and input (written for this test) must
// give the same output and exit status as coreutils sort, cut and tr, GNU grep and bc.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { CommandCall } from '../../../src/eval/shell/shell-state.js';
import { TEXT_COMMANDS } from '../../../src/eval/shell/text-commands.js';
import { knownString, textOf, unknownString } from '../../../src/eval/shell/shell-value.js';
import { tool } from '../../helpers/oracles.js';

const ORIGIN = { file: 't', line: 1 };

function call(argv: readonly string[], stdin: string | undefined): CommandCall {
  return { argv: argv.map((a) => knownString(a, ORIGIN)), env: [], cwd: knownString('/', ORIGIN), ...(stdin !== undefined ? { stdin: knownString(stdin, ORIGIN) } : {}), origin: ORIGIN, redirects: [] };
}

function ours(argv: readonly string[], stdin: string) {
  const answer = TEXT_COMMANDS[argv[0]!]!(call(argv, stdin));
  return answer && { stdout: typeof answer.stdout === 'object' ? textOf(answer.stdout) : (answer.stdout ?? ''), status: answer.status };
}

function real(argv: readonly string[], stdin: string) {
  const run = spawnSync(tool(argv[0]!).path!, argv.slice(1), { input: stdin, encoding: 'utf8', env: { LC_ALL: 'C' } });
  return { stdout: run.stdout, status: run.status };
}

// Version strings of the shapes configure scripts compare, and the corner cases of filevercmp.
const VERSIONS = ['6.1.0', '11.0.1', '7.0.50', '8.0.0', '10.1.0', '9.1.0', '7.0', '7', '1.01', '1.1', '1.0~rc1', '1.0', '2.0a', '2.0', 'v1.2', '1.2.3-4', 'foo.tar.gz', 'foo-1.2.tar.gz', 'foo-1.10.tar.gz', '.hidden', '5.3.0', '12.2', '0', ''];

const CASES: readonly (readonly [readonly string[], string])[] = [
  // argv, standard input
  [['sort', '-V'], VERSIONS.join('\n') + '\n'],
  [['sort', '-V', '-r'], VERSIONS.join('\n') + '\n'],
  [['sort', '-u'], 'b\na\nb\nc\na\n'],
  [['sort', '-n'], '10\n9\n100\n-1\n'],
  [['sort'], 'B\na\nA\nb\n'],
  [['cut', '-d.', '-f1'], '11.0.1\n'],
  [['cut', '-d.', '-f2-'], '11.0.1\nnodot\n'],
  [['cut', '-s', '-d:', '-f1'], 'size:--disable-x\nnocolon\nfunctionality,security:--extra-cflags=" -O2"\n'],
  [['cut', '-s', '-d:', '-f2-'], 'size:--disable-x\nnocolon\ntag:--a=b:c\n'],
  [['cut', '-f', '1,3', '-d', ','], 'a,b,c,d\n'],
  [['tr', ',', '\\n'], 'size,speed,arch'],
  [['tr', ' ', '\n'], 'arch functionality minimal'],
  [['tr', '-d', '\\n'], 'a\nb\n'],
  [['tr', 'a-z', 'A-Z'], 'kata-qemu\n'],
  [['grep', '-q', 'nemu'], 'kata-qemu\n'],
  [['grep', '-q', 'qemu'], 'kata-qemu\n'],
  [['grep', 'not in final'], 'Value requested for CONFIG_A not in final .config\nRequested value: CONFIG_A=y\n'],
  [['grep', '-v', 'CONFIG_MTRR'], 'Value requested for CONFIG_MTRR_SANITIZER not in final .config\nValue requested for CONFIG_X not in final .config\n'],
  [['grep', '-E', '^(a|b)+c$'], 'abac\nabd\nc\n'],
  [['grep', 'a\\(b\\)*c'], 'ac\nabbc\naxc\n'],
  [['grep', '-x', '-F', 'a.c'], 'a.c\nabc\nxa.c\n'],
  [['grep', '-w', 'CONFIG_EXPERT'], '# disabled by CONFIG_EXPERT here\nCONFIG_EXPERT_MODE=y\nCONFIG_EXPERT=y\n'],
  [['bc'], '5.0 >= 4.1\n4.0 >= 4.1\n5.1 < 5.1\n3.10 > 3.9\n'],
];

describe.each(['sort', 'cut', 'tr', 'grep', 'bc'])('%s', (name) => {
  const real_ = tool(name);
  describe.skipIf(!real_.path)(`against the real ${name}${real_.path ? '' : ` (skipped: ${real_.missing})`}`, () => {
    it.each(CASES.filter(([argv]) => argv[0] === name))('%j', (argv, stdin) => {
      expect(ours(argv, stdin)).toEqual(real(argv, stdin));
    });
  });
});

describe('sort -V -r -C, the check configure-hypervisor.sh makes of two versions', () => {
  const sortPath = tool('sort').path;
  const pairs = VERSIONS.flatMap((a) => VERSIONS.filter((b) => a && b).map((b) => [a, b] as const)).filter(([a]) => a);
  it.skipIf(!sortPath)(`agrees with the real sort on all ${pairs.length} ordered pairs`, () => {
    const disagreements = pairs.filter(([a, b]) => ours(['sort', '-V', '-r', '-C'], `${a}\n${b}\n`)!.status !== real(['sort', '-V', '-r', '-C'], `${a}\n${b}\n`).status);
    expect(disagreements).toEqual([]);
  });
});

describe('what the filters leave unanswered', () => {
  it.each([
    // argv, standard input: unknown input, a file argument, an option not emulated
    [['sort', '-V'], undefined],
    [['cut', '-d.', '-f1', 'VERSION'], ''],
    [['sort', '-k2'], 'a b\n'],
    [['grep', '-f', 'patterns'], 'x\n'],
    [['bc'], 'scale=2; 1/3\n'],
    [['cat', 'file'], ''],
  ])('%j', (argv, stdin) => {
    const input = stdin === undefined ? { ...call(argv, undefined), stdin: unknownString('a pipe', ORIGIN) } : call(argv, stdin);
    expect(TEXT_COMMANDS[argv[0]!]!(input)).toBeUndefined();
  });
});
