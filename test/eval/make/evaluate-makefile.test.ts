/**
 * The make evaluator against GNU make itself: each case is a makefile of our own; GNU make prints
 * the variables' values and the recipe it would run (`make -n`), and flagdiff must read the same.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateMakefile } from '../../../src/eval/make/evaluate-makefile.js';
import type { Makefile } from '../../../src/eval/make/evaluate-makefile.js';
import { originAt } from '../../../src/eval/rpm/spanned-text.js';
import { tool } from '../../helpers/oracles.js';
import { tempDir } from '../../helpers/temp-dir.js';

const make = tool('make');

function ours(text: string, files: Record<string, string> = {}): Makefile {
  return evaluateMakefile(text, {
    file: 'Makefile',
    include: (path) => (path in files ? { file: path, text: files[path]! } : { unread: 'no such file' }),
    shell: () => undefined,
    // The test's files stand for the directory make lists (a glob of * alone is enough here).
    wildcard: (pattern) => {
      const match = new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
      return Object.keys(files).filter((name) => match.test(name)).sort();
    },
  });
}

/** GNU make's values of `names` (and, with `target`, the recipe lines make -n prints). */
function gnuMake(text: string, names: readonly string[], target?: string, files: Record<string, string> = {}): { values: Record<string, string>; recipe: string[] } {
  const dir = tempDir('flagdiff-make-');
  writeFileSync(join(dir, 'Makefile'), text);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  writeFileSync(join(dir, 'print.mk'), `flagdiff-print:\n\t@:$(foreach v,$(VARS),$(info <<$v>>$($v)<<end>>))\n`);
  const values: Record<string, string> = {};
  const printed = spawnSync(make.path!, ['-s', '-f', 'Makefile', '-f', 'print.mk', 'flagdiff-print', `VARS=${names.join(' ')}`], { cwd: dir, encoding: 'utf8', env: {} });
  for (const [, name, value] of printed.stdout.matchAll(/<<(.+?)>>([^]*?)<<end>>/g)) values[name!] = value!;
  const recipe = target ? spawnSync(make.path!, ['-n', '-f', 'Makefile', target], { cwd: dir, encoding: 'utf8', env: {} }).stdout : '';
  return { values, recipe: recipe.split('\n').filter((l) => l !== '') };
}

function valuesOf(makefile: Makefile, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, makefile.expandVariable(name).text]));
}

const CASES: Array<{ name: string; text: string; vars: string[]; target?: string; files?: Record<string, string> }> = [
  {
    name: 'assignments: recursive, simple, conditional, appended, continued lines',
    text: 'A = one\nB := $(A) two\nA = uno\nC ?= three\nC ?= not\nD = d1\nD += d2\nE := e1\nE += $(A)\nF = x   \\\n\t  y \\\n  z\nG ::= $(B)\n',
    vars: ['A', 'B', 'C', 'D', 'E', 'F', 'G'],
  },
  {
    name: 'conditionals: ifeq forms, ifneq, ifdef, else if chains, nesting',
    text: [
      'ARCH = amd64', 'EMPTY =',
      'ifeq ($(ARCH),amd64)', 'R1 = yes', 'else', 'R1 = no', 'endif',
      'ifneq ($(filter $(ARCH),arm64 s390x),)', 'R2 = listed', 'else ifeq "$(ARCH)" "amd64"', 'R2 = quoted', 'else', 'R2 = other', 'endif',
      'ifdef EMPTY', 'R3 = defined', 'else', 'R3 = empty-is-undefined', 'endif',
      'ifndef NOPE', 'ifeq ( $(ARCH) , amd64 )', 'R4 = spaced', 'endif', 'endif',
      "ifeq '$(ARCH)' 'arm64'", 'R5 = wrong', 'else ifneq (,$(findstring md,$(ARCH)))', 'R5 = found', 'endif',
    ].join('\n'),
    vars: ['R1', 'R2', 'R3', 'R4', 'R5'],
  },
  {
    name: 'functions: filter, patsubst, addsuffix, if, foreach, call, strip, sort, words, subst refs',
    text: [
      'targets = aarch64 x86_64 s390x ppc64le',
      'F1 = $(filter %64 s390x,$(targets))',
      'F2 = $(filter-out x86%,$(targets))',
      'F3 = $(patsubst %,qemu-%,$(targets))',
      'F4 = $(addsuffix -linux-user,$(targets))',
      'F5 = $(if $(filter i386,$(targets)),--disable-pie,--enable-pie)',
      'F6 = $(foreach t,$(targets),[$t])',
      'pair = $(1)=$(2)',
      'F7 = $(call pair,key,$(word 2,$(targets)))',
      'F8 = $(strip   a    b   )',
      'F9 = $(sort b a c a)',
      'F10 = $(words $(targets)) $(firstword $(targets)) $(lastword $(targets))',
      'F11 = $(targets:%64=%-64) $(targets:le=LE)',
      'F12 = $(subst x86_64,amd64,$(targets))',
      'F13 = $(or ,,second) $(and a,,c) $(and a,b)',
      'comma := ,',
      'F14 = $(subst $(comma), ,a,b,c) $(findstring 64,x86_64)',
      'p = x86',
      'list-x86 = i386 x86_64',
      'F15 = ${list-$p} $(notdir a/b/c.mak) $(basename a/b.c) $(suffix a.b/c.d) $(dir a/b)',
      'F16 = $(wordlist 2,3,$(targets))',
    ].join('\n'),
    vars: ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12', 'F13', 'F14', 'F15', 'F16'],
  },
  {
    name: 'define, eval, include, comments, escaped #, export, override',
    text: [
      'include common.mk',
      'define two-lines', 'first $(X)', 'second', 'endef',
      '$(foreach v,P Q,$(eval $v := value-of-$v))',
      'H = a \\# b # comment',
      'export E1 = exported',
      'override O1 = over',
      'X = ex',
      'T := $(two-lines)',
    ].join('\n'),
    vars: ['C1', 'P', 'Q', 'H', 'E1', 'O1', 'T', 'two-lines'],
    files: { 'common.mk': 'C1 := from-include\n' },
  },
  {
    name: 'introspection and the rarer forms: origin, flavor, value, define with :=, else ifdef, join, dir of several words',
    text: [
      'S := simple', 'R = recursive $(S)', 'E ?= set-here',
      'O1 = $(origin S) $(origin UNSET) $(origin R)',
      'O2 = $(flavor S) $(flavor R) $(flavor UNSET)',
      'O3 = $(value R)',
      'define D :=', '$(S) body', 'endef',
      'ifdef UNSET', 'O4 = no', 'else ifdef S', 'O4 = second', 'else', 'O4 = third', 'endif',
      'O5 = $(join a b c,1 2) $(dir a/b c d/e/f) $(notdir a/b c) $(addprefix x-,1 2)',
      'O6 = $(foreach v,S R,$(v)=$($(v)))',
      'list = one two',
      'O7 = $(if $(filter two,$(list)),has,lacks)-$(words $(sort $(list) $(list)))',
      'O8 = $(subst  ,_,a b c)',
    ].join('\n'),
    vars: ['O1', 'O2', 'O3', 'D', 'O4', 'O5', 'O6', 'O7', 'O8'],
  },
  {
    name: 'calls within calls, blanks in arguments, appends under export and override',
    text: [
      'inner = [$(1)|$(2)]',
      'outer = $(call inner,$(2),$(1))-$(1)',
      'C1 = $(call outer,a,b) $(call inner,x)',
      'C2 = $(patsubst %.c,%.o, a.c b.h  c.c ) $(filter-out %.h %.c,a.c b.h d.o)',
      'C3 = $(if  ,yes,no)$(if $(strip  ),yes,no) $(findstring b c,a b c d)',
      'export X := one', 'X += two', 'override Y = first', 'override Y += second',
      'C4 = $(X)/$(Y)',
      'tab := $(strip a\tb   c )',
      'rev = $(if $(1),$(call rev,$(wordlist 2,$(words $(1)),$(1))) $(firstword $(1)))',
      'C5 = $(strip $(call rev,a b c d))',
    ].join('\n'),
    vars: ['C1', 'C2', 'C3', 'C4', 'tab', 'C5'],
  },
  {
    name: 'the corners: eval making a rule, define with +=, trailing blanks before a comment, dotted names, commas in parentheses',
    text: [
      'E := $(eval made: ; echo from-eval $$@)',
      'D = first',
      'define D +=', 'second', 'endef',
      'T = a   # the blanks before the comment stay',
      'a.b = dotted',
      'P = $(if $(filter x,x),$(subst a,b,f(a,c)),no)',
      'S = $(patsubst %,%.o,a b) $(SRC:.c=.o)',
      'SRC = one.c two.c',
      'F = $(foreach v,,never)-$(words )',
      'ifeq ($(SRC), )', 'W = empty', 'else ifneq ($(filter two.c,$(SRC)),)', 'W = has-two', 'endif # trailing',
      'G = $(a.b)',
      'H = x$(foreach v,a b c,$(if $(filter b,$v),,$v))x',
    ].join('\n'),
    vars: ['D', 'T', 'P', 'S', 'F', 'W', 'G', 'H'],
    target: 'made',
  },
  {
    name: 'the text and file-name functions at their edges: empty words and arguments, out-of-range indexes, paths',
    text: [
      'E0 = $(strip  a  b  )',
      'E1 = $(words  )',
      'E2 = $(word 2,a b c)',
      'E3 = $(word 5,a b c)',
      'E4 = $(wordlist 2,2,a b c)',
      'E5 = $(wordlist 3,1,a b c)',
      'E6 = $(firstword )',
      'E7 = $(lastword a)',
      'E8 = $(sort  c  b  a  b )',
      'E9 = $(filter a%,ab ba abc)',
      'E10 = $(filter-out %b,ab ba abc)',
      'E11 = $(patsubst a%,x%,ab ba a)',
      'E12 = $(patsubst %,[%],)',
      'E13 = $(subst a,,banana)',
      'E14 = $(subst ,x,abc)',
      'E15 = $(findstring ,abc)',
      'E16 = $(addsuffix .c,)',
      'E17 = $(addprefix p-, a  b )',
      'E18 = $(join a b,1 2 3)',
      'E19 = $(dir /x/y/ z)',
      'E20 = $(notdir /x/y/ z)',
      'E21 = $(suffix a.b.c d .e)',
      'E22 = $(basename a.b.c d .e /x.y/z)',
      'E23 = $(abspath /a/./b/../c)',
      'E24 = $(if ,yes)',
      'E25 = $(if x,yes)',
      'E26 = $(if $(empty),a,b)',
      'E27 = $(or ,,)',
      'E28 = $(and a,)',
      'E29 = $(foreach x,1 2,$(x)$(x))',
      'E30 = $(call undefinedfn,a)',
      'E31 = $(flavor undefinedvar)',
      'E32 = $(value $$(x))',
      'E33 = $(strip $(foreach v,a b,  $(v)  ))',
      'E34 = $(patsubst %.c,%.o,x.c y.h z.c.c)',
      'E35 = $(filter %,a b)',
      'E36 = $(subst  , ,a b)',
      'E37 = x $(empty) y',
      'E38 = $$(notexpanded)',
      'E39 = $(sort b,a a,b)',
      'E40 = $(word 1,)',
      'E41 = $(if  $(empty)  ,a,b)',
      'E42 = $(addsuffix x,a b,c)',
      'E43 = $(patsubst x,y,x xx x)',
    ].join('\n'),
    vars: [...Array(44).keys()].map((i) => `E${i}`),
  },
  {
    name: 'line syntax: assignments without blanks, continuations, a define with empty lines, quoted and spaced conditionals',
    text: [
      'A=1',
      'B :=2',
      'B+= 3',
      'C ?=',
      'C ?= later',
      'D = $(A) # comment',
      'E = \\#not-comment',
      'F := a \\',
      '     b   \\',
      '   c',
      'override G = x',
      'export H = y',
      'I ::= $(B)',
      'define K',
      '',
      '  two  lines  ',
      '',
      'endef # trailing',
      'L = $(K)end',
      'ifeq "a" \'a\'',
      'M = mixed-quotes',
      'endif',
      'ifneq ($(A),)   ',
      'N = trailing-blank',
      'endif',
      'ifdef   A',
      'O = spaced-ifdef',
      'endif',
      'ifeq (a,b)',
      'P = no',
      'else ifeq (a,c)',
      'P = no2',
      'else ifdef A',
      'P = third',
      'else',
      'P = last',
      'endif',
      'ifeq ($(strip $(C)),)',
      'Q = c-empty',
      'else',
      'Q = c-set',
      'endif',
      'R = $(A)$(B)',
      'R += more',
      'S := $(R)',
      'R = changed',
      'T := ${A}$A',
    ].join('\n'),
    vars: 'A B C D E F G H I K L M N O P Q R S T'.split(' '),
  },
  {
    name: 'computed names, call arities and $(0), simple against recursive flavours, blanks and commas made by variables',
    text: [
      'x = ex',
      'name = x',
      'A1 = $($(name)) ${x} $x',
      'A2 = $(x:%=[%]) $(x:x=y)',
      'A3 = $(foo bar)-$(value undefined)-$(1)',
      'f = $(0):$(1):$(2):$(words $(3))',
      'A4 = $(call f) $(call f,a) $(call f,a,b,c d e,ignored)',
      'A5 := $(later)',
      'A6 = $(later)',
      'later = defined-later',
      'g = $(if $(1),[$(1)],none)',
      'A7 = $(call g,$(call g,))',
      'A8 = $(foreach w,a b,$(foreach z,1 2,$(w)$(z)))',
      'A9 = $(filter $(x)%,example ex exit)',
      'A10 = $(subst $(space),-,a b c)',
      'empty :=',
      'space := $(empty) $(empty)',
      'A11 = $(subst $(space),-,a b c)',
      'comma := ,',
      'A12 = $(subst $(comma),;,a,b,c)',
      'A13 = $(if $(findstring ex,$(x)),$(strip  found ),)',
    ].join('\n'),
    vars: 'A1 A2 A3 A4 A5 A6 A7 A8 A9 A10 A11 A12 A13'.split(' '),
  },
  {
    name: 'include with a pattern, and $(wildcard), name the files that are there, in order',
    text: ['include parts/*.mk', 'W = $(wildcard parts/*.mk) [$(wildcard parts/*.none)]'].join('\n'),
    vars: ['FROM_A', 'FROM_B', 'W'],
    files: { 'parts/a.mk': 'FROM_A = a\nORDER += a\n', 'parts/b.mk': 'FROM_B = b $(ORDER)\n' },
  },
  {
    name: 'a recipe from a pattern rule: the shortest stem wins, $* and $< filled in',
    text: ['build/%.o: src/%.c ; echo long $* $< $@', 'build/%: src/% ; echo short $*', '%.o: %.c ; echo generic $*', 'build/a.o: extra.h'].join('\n'),
    vars: [],
    target: 'build/a.o',
    files: { 'src/a.c': '', 'extra.h': '' },
  },
  {
    name: 'a recipe from a pattern without a slash: the directory leaves the name and comes back on the prerequisites',
    text: ['%.o: %.c ; echo compile $* $< $(@F)'].join('\n'),
    vars: [],
    target: 'sub/x.o',
    files: { 'sub/x.c': '' },
  },
  {
    name: 'a recipe: double-colon rules run each of their recipes, in order',
    text: ['clean:: ; echo first $@', 'clean:: other', '\techo second', 'other:'].join('\n'),
    vars: [],
    target: 'clean',
    files: { other: '' },
  },
  {
    name: 'a recipe: order-only prerequisites, duplicates in $+, a recipe after a semicolon, target-specific +=',
    text: ['V = global', 'out/x.o: a.c b.c a.c | outdir ; echo $@ $< [$^] [$+] [$|] $(V)', 'out/x.o: V += appended'].join('\n'),
    vars: [],
    target: 'out/x.o',
    files: { 'a.c': '', 'b.c': '', outdir: '' },
  },
  {
    name: 'a recipe: directory and file parts of the target and the first prerequisite',
    text: ['out/dir/file.o: src/a.c src/b.c', '\tmkdir -p $(@D) && cc -o $(@F) $(<D)/$(<F) $^ $$HOME'].join('\n'),
    vars: [],
    target: 'out/dir/file.o',
    files: { 'src/a.c': '', 'src/b.c': '' },
  },
  {
    name: 'a recipe: continuations kept, automatic variables, prefixes, target-specific variables',
    text: [
      'opts = \\', '\t--prefix=/usr \\', '\t--enable-kvm', 'LEVEL = global',
      'b/qemu/configured: configure other',
      '\trm -rf b/qemu; mkdir -p b/qemu',
      '\t@cd b/qemu && \\', '\t    ../../configure $(opts) \\', '\t\t--level=$(LEVEL) --from=$< --all="$^" ${# a comment}',
      '# a make comment inside the recipe',
      'ifeq (1,1)', '\ttouch $@', 'endif',
      'b/qemu/configured: LEVEL = target',
      'configure other:', '\ttrue',
    ].join('\n'),
    vars: ['opts'],
    target: 'b/qemu/configured',
    // Present, so that make -n runs only the target's own recipe.
    files: { configure: '', other: '' },
  },
];

describe.skipIf(!make.path)(`the make evaluator against GNU make (${make.missing})`, () => {
  for (const c of CASES) {
    it(c.name, () => {
      const expected = gnuMake(c.text, c.vars, c.target, c.files);
      const makefile = ours(c.text, c.files);
      expect(makefile.diagnostics).toEqual([]);
      expect(valuesOf(makefile, c.vars)).toEqual(expected.values);
      if (c.target) {
        const recipe = makefile.expandRecipe(makefile.ruleOf(c.target)!, c.target).flatMap((line) => line.text.split('\n'));
        expect(recipe).toEqual(expected.recipe);
      }
    });
  }
});

describe('origins', () => {
  it('a value used through a variable points at its definition, via the line that used it', () => {
    const makefile = ours('opts = \\\n\t--prefix=/usr \\\n\t--enable-kvm\nall:\n\t./configure $(opts)\n');
    const [line] = makefile.expandRecipe(makefile.rules.get('all')!);
    const at = line!.text.indexOf('--enable-kvm');
    expect(originAt(line!, at)).toEqual({ file: 'Makefile', line: 3, via: [{ file: 'Makefile', line: 5, name: 'opts' }] });
    expect(originAt(line!, 0)).toEqual({ file: 'Makefile', line: 5 });
  });
});
