// The evaluator against the real bash: each snippet (written for this test, builtins only) is run by
// bash with an empty environment and by the evaluator; standard output and exit status must match.
import { describe, expect, it } from 'vitest';
import { runShell } from '../../../src/eval/shell/evaluate-shell.js';
import { textOf } from '../../../src/eval/shell/shell-value.js';
import { bash, runBash } from '../../helpers/bash-oracle.js';
import type { Outcome } from '../../helpers/bash-oracle.js';

function evaluate(script: string, args: readonly string[] = []): Outcome {
  const run = runShell(script, 'fixture.sh', { args });
  expect(run.diagnostics).toEqual([]);
  return { stdout: textOf(run.stdout), status: run.status };
}

// name, script: each row exercises one construct both ways where it has two (taken / not taken)
const SNIPPETS: readonly (readonly [string, string])[] = [
  ['quoting', `x='a  b'; printf '[%s]' $x "$x" '$x' "\\$x" $'t\\tz' "it's" 'say "hi"'; echo`],
  ['defaults', `unset u; e=; printf '[%s]' "\${u:-d}" "\${u-d}" "\${e:-d}" "\${e-d}" "\${e:+alt}" "\${u:+alt}" "\${s:=set}" "$s"; echo`],
  ['prefix and suffix', `f=/usr/lib/libfoo.so.1.2; echo \${f##*/} \${f#*/} \${f%.*} \${f%%.*} \${#f} \${f#nomatch}`],
  ['replace, case, substrings', `v=a-b-c; echo \${v/-/_} \${v//-/_} \${v/#a/X} \${v/%c/Y} \${v/#b/N} \${v^^} \${v^} \${v:2} \${v:1:3} \${v: -2} \${v//[ab]/}`],
  ['arrays', `a=(one "two three"); a+=(four); a[7]=eight; echo \${#a[@]} "\${a[1]}" \${!a[@]} "\${a[-1]}"; for x in "\${a[@]}"; do echo "<$x>"; done; printf '%s|' "\${a[*]}"; echo; b=("\${a[@]:1:2}"); echo "\${b[@]}" \${#b[*]}`],
  ['associative arrays', `declare -A m=([k1]=v1 [k2]=v2); m[k3]=v3; m[k1]+=x; echo \${m[k2]} \${#m[@]} \${m[k1]}; for k in k1 k3 k9; do echo "$k=\${m[$k]}"; done`],
  ['concatenation and integers', `s=x; s+=" y"; s+=z; echo "$s"; declare -i n=3; n+=4; echo $n; n=n*2; echo $n; t=$s$n"q"; echo $t`],
  ['functions and $@', `f() { local x=$1; shift; echo "f:$x:$#:$*"; g "$@"; return 3; }; g() { echo "g:$1"; x=global; }; x=orig; f a b c; echo "status $? x=$x"`],
  ['dynamic scoping', `outer() { local v=outer; inner; echo "after $v"; }; inner() { echo "sees $v"; v=changed; }; v=top; outer; echo $v`],
  ['if, elif, else', `for n in 1 5 10; do if [ $n -lt 3 ]; then echo low; elif [[ $n -le 5 ]]; then echo mid; else echo high; fi; done`],
  ['case', `for w in foo.c bar.h baz QUX x1 x; do case $w in *.c) echo C;; *.h|*.hpp) echo H;; [A-Z]*) echo upper;; x[[:digit:]]) echo xd;& y) echo fell;; *) echo other;; esac; done`],
  ['case ;;& and quoted patterns', `p='*'; for w in x '*'; do case $w in "$p") echo literal;;& $p) echo glob;; esac; done`],
  ['[[ ]]', `v=1.2.3; [[ $v =~ ^[0-9]+(\\.[0-9]+)*$ ]] && echo ver; [[ x1.2 =~ ^[0-9] ]] || echo notver; [[ ! (-z $v || $v == 2*) ]] && echo ok; [[ abc < abd ]] && echo lt; [[ 3 -gt 2 && ( 1 -eq 1 ) ]] && echo both; [[ 2+1 -eq 3 ]] && echo arith; [[ $v == "1.2"* ]] && echo prefix; [[ -n $v && -z $nope ]] && echo nz`],
  ['test and [', `[ -n "" ] || echo empty; [ "a" = "a" -a 1 -lt 2 ] && echo and; test ! -z x && echo notz; [ 2 -ge 3 ]; echo $?; [ a != b -o 1 -eq 2 ] && echo or; [ x ] && echo one; [ ] || echo none; [ \\( a = a \\) ] && echo parens`],
  ['&&, || and !', `true && echo a || echo b; false && echo c || echo d; ! false && echo e; ! true || echo f; false || false || echo g`],
  ['loops, break and continue', `i=0; while [ $i -lt 10 ]; do i=$((i+1)); [ $i -eq 2 ] && continue; [ $i -eq 5 ] && break; echo $i; done; until [ $i -le 0 ]; do i=$((i-2)); done; echo $i; for a in 1 2; do for b in x y; do [ $b = y ] && continue 2; echo $a$b; done; done`],
  ['arithmetic', `x=5; echo $(( 7 / 2 )) $(( -7 % 3 )) $(( 2 ** 10 )) $(( 1 << 4 )) $(( 0x1f )) $(( 010 )) $(( x > 3 ? 1 : 0 )) $(( y = 4, y * 3 )) $(( x++ )) $x $(( --x )) $(( 16#ff )) $(( !0 )) $(( ~5 ))`],
  ['printf', `printf '%5s|%-5s|%05d|%x|%o|%c|%.2s|%%|%+d|%X\\n' ab cd 42 255 8 xyz hello 7 255; printf '%s-%s\\n' a b c; printf '%b\\n' 'a\\tb'; printf '%d\\n' "'A"; printf -v out '%03d' 7; echo $out`],
  ['echo', `echo -n a; echo -e 'b\\tc'; echo -E 'd\\ne'; echo -ne 'x\\n'; echo -- -n; echo -e 'stop\\cnever'; echo`],
  ['word splitting on IFS', `IFS=,; v="a,b,,c,"; for x in $v; do echo "[$x]"; done; IFS=' :'; w=" p : q "; set -- $w; echo $#; IFS=; set -- $v; echo $#`],
  ['"$@" and "$*"', `set -- "a b" "" c; for x in "$@"; do echo "<$x>"; done; echo $#; f() { echo $#; }; f "$@"; f $@; f "$*"; f "x$@y"; g() { echo "\${@:2}"; }; g 1 2 3; set --; f "$@"; f "$@" ""; e=(); f "\${e[@]}" "\${e[*]}"`],
  ['heredocs and read', `x=val; each() { while read -r line; do echo "got $line"; done; }; each <<EOF\none $x\n  two\nEOF\neach <<'EOF'\nraw $x\nEOF\neach <<-EOF\n\tstripped\n\tEOF\nread a b <<< "first second third"; echo "$a|$b"`],
  ['getopts', `parse() { local OPTIND opt; while getopts "ab:c" opt; do case $opt in a) echo A;; b) echo "B=$OPTARG";; c) echo C;; esac; done; shift $((OPTIND-1)); echo "rest $*"; }; parse -ac -b val x y; parse -bval z; parse plain`],
  ['subshells and pipes', `x=1; (x=2; echo in $x); echo out $x; y=$(x=3; echo $x); echo $y $x; echo a b | { read v w; echo "piped $v $w"; }; echo after $v; arr=(1 2); (arr+=(3); echo \${#arr[@]}); echo \${#arr[@]}`],
  ['set -e', `set -e; f() { false; echo not; }; if f; then echo yes; fi; true && false || echo recovered; echo before; false; echo after`],
  ['exit statuses', `f() { return 7; }; f; echo $?; (exit 3); echo $?; false | true; echo $?; set -o pipefail; false | true; echo $?; ! false; echo $?; exit 4; echo never`],
  ['eval and indirection', `cmd='echo evaluated $((1+2))'; eval "$cmd"; eval 'v=5'; echo $v; name=target; target=hit; echo \${!name}`],
  ['command substitution', `echo "$(echo "$(echo inner)") outer" \`echo back\`; n=$(printf 'a\\n\\n\\n'); echo "[$n]"; echo $(( $(echo 2) * 3 ))`],
  ['continuations and comments', `echo one \\\n  two # a comment\necho "multi\nline" # another\nx=1 # tail\necho $x#notcomment`],
  ['unset, readonly, local -r', `a=1; unset a; echo "[\${a-unset}]"; f() { local -r c=2; echo $c; }; f; readonly r=3; echo $r; g() { echo in-g; }; unset -f g; declare -a list; list+=(x); echo \${list[0]}`],
  ['the version test configure scripts use', `gt_eq() { format='^[0-9]+(\\.[0-9]+)*$'; [[ "$1" =~ $format && "$2" =~ $format ]] || return 2; [[ "$1" == "$2" ]]; }; for v in 6.1.0 11.0.1; do if gt_eq "$v" 6.1.0; then echo "$v same"; else echo "$v differs"; fi; done`],
];

describe.skipIf(!bash.path)(`the evaluator against bash${bash.path ? '' : ` (skipped: ${bash.missing})`}`, () => {
  it.each(SNIPPETS)('%s', (_, script) => {
    const expected = runBash(script);
    expect(expected.stdout.length, 'the snippet prints something').toBeGreaterThan(0);
    expect(evaluate(script)).toEqual(expected);
  });

  it.each([
    // arguments given to the script, what it prints
    [['-ds', 'kata-qemu', 'x86_64']],
    [['-s', 'name']],
    [[]],
  ])('reads its arguments like bash: %j', (args) => {
    const script = `arch="\${3:-default}"; echo "$# $arch \${1:-none}"; shift; echo "$@"`;
    expect(evaluate(script, args)).toEqual(runBash(script, args));
  });
});
