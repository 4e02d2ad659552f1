/**
 * Reads a makefile as GNU make's first phase does, statically: variables (`=`, `:=`, `::=`, `?=`,
 * `+=`, `!=`, `define`), conditionals (`ifeq`, `ifneq`, `ifdef`, `ifndef`, `else`), `include`,
 * `$(eval ...)`, and rules with their recipes, kept unexpanded: make expands a recipe only when it
 * runs it (expandRecipe). Nothing runs: `$(shell ...)` is answered by the caller or is unknown.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import { diagnostic } from '../../model/diagnostic.js';
import type { Origin } from '../../model/origin.js';
import { append, appendRange, createBuilder, finish, sliceText, spannedText, unknownChar } from '../rpm/spanned-text.js';
import type { SpannedText } from '../rpm/spanned-text.js';
import { expand, topLevelIndex, valueOf } from './expand-make.js';
import type { ExpandContext, MakeVariable } from './expand-make.js';
import { MakeStop } from './make-functions.js';
import { defineBody, joinLogical, joinRecipe, lineCursor, stripComment } from './make-lines.js';
import type { PhysicalLine } from './make-lines.js';
import { automaticVariables, ruleOf } from './make-rule.js';
import type { MakeRule } from './make-rule.js';
import { assignmentOrRule, comparedPair, decided, trimmed, words } from './make-syntax.js';

export type { MakeRule } from './make-rule.js';

export interface Makefile {
  readonly variables: ReadonlyMap<string, MakeVariable>;
  readonly rules: ReadonlyMap<string, MakeRule>;
  /** Why each unknown value is unknown, by index (the private-use character standing for it). */
  readonly unknowns: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  /**
   * A rule's recipe as make runs it: each line expanded with the variables' final values, the
   * target's own variables and `$@`, `$<`, `$^`, and its `@`, `-`, `+` prefixes removed. A pattern
   * rule is run for `target` (its `$@`).
   */
  expandRecipe(rule: MakeRule, target?: string): SpannedText[];
  /** The rule make runs for a target: its own, or one made from a pattern rule (make-rule.ts ruleOf). */
  ruleOf(target: string): MakeRule | undefined;
  /** A variable's value as `$(name)` gives it after the whole makefile is read. */
  expandVariable(name: string): SpannedText;
}

/** What an `include` finds: a file's text, variables the caller knows it defines, or why it is not read. */
export type Included = { file: string; text: string } | { file: string; variables: Readonly<Record<string, string>> } | { unread: string };

export interface MakeOptions {
  readonly file: string;
  /** The environment make starts with (dpkg-buildpackage exports DEB_HOST_ARCH and friends). */
  readonly environment?: Readonly<Record<string, string>>;
  readonly include: (path: string, site: Origin) => Included;
  /**
   * The output of a command, when the caller knows it without running anything; `{ unknown }` when
   * the caller knows it cannot be known and why (it stays unknown, with that reason, and no FD324).
   */
  readonly shell: (command: string, site: Origin) => SpannedText | { readonly unknown: string } | undefined;
  /** The files a `$(wildcard)` pattern names, when the caller knows them. */
  readonly wildcard?: (pattern: string) => readonly string[] | undefined;
}

const DIRECTIVE = /^(ifeq|ifneq|ifdef|ifndef|else|endif|define|endef|include|-include|sinclude|export|unexport|override|private|vpath|undefine)(?=\s|$)/;
const MAX_INCLUDE_DEPTH = 16;
const STEPS = 1_000_000;
/** Text all expansions may produce together: Debian's QEMU rules produce a few KB. */
const CHARS = 1024 * 1024;

export function evaluateMakefile(text: string, options: MakeOptions): Makefile {
  const variables = new Map<string, MakeVariable>();
  for (const [name, value] of Object.entries(options.environment ?? {})) variables.set(name, { flavor: 'recursive', value: spannedText(value, null), origin: 'environment' });
  const rules = new Map<string, MakeRule>();
  const diagnostics: Diagnostic[] = [];
  const unknowns: string[] = [];
  const reported = new Set<string>();
  // A variable used in several recipes reports what it holds once.
  const report = (code: Diagnostic['code'], message: string, at: Origin) => {
    const key = `${code} ${at.file}:${at.line} ${message}`;
    if (!reported.has(key)) diagnostics.push(diagnostic(code, message, at));
    reported.add(key);
  };
  const context: ExpandContext = {
    lookup: (name) => variables.get(name),
    shell: (command, at) => shellOutput(command.text.trim(), at),
    wildcard: options.wildcard ?? (() => undefined),
    evaluate: (evaluated, at) => read(evaluated.text, at.file, () => at.line, depth + 1),
    report,
    budget: { steps: STEPS, chars: CHARS, depth: 0, exhausted: false },
    active: new Set(),
  };
  let depth = 0;

  function shellOutput(command: string, at: Origin): SpannedText {
    const known = options.shell(command, at);
    if (known && !('unknown' in known)) return known;
    const reason = known?.unknown ?? `$(shell ${command}) is a command; flagdiff does not run it`;
    if (!known) report('FD324', `${reason}, so its output is unknown`, at);
    unknowns.push(reason);
    const builder = createBuilder();
    append(builder, unknownChar(unknowns.length - 1), at, { kind: 'unknown', reason });
    return finish(builder);
  }

  function assign(name: string, op: string, value: SpannedText, at: Origin, into: Map<string, MakeVariable> = variables): void {
    const previous = into.get(name) ?? (into === variables ? undefined : variables.get(name));
    if (op === '?=' && previous) return;
    if (op === '+=' && previous) {
      const added = previous.flavor === 'simple' ? expand(value, context) : value;
      const builder = createBuilder();
      appendRange(builder, previous.value);
      if (previous.value.text !== '' && added.text !== '') append(builder, ' ', at);
      appendRange(builder, added);
      into.set(name, { flavor: previous.flavor, value: finish(builder), origin: 'file' });
      return;
    }
    if (op === '!=') {
      into.set(name, { flavor: 'simple', value: shellOutput(expand(value, context).text, at), origin: 'file' });
      return;
    }
    const simple = op === ':=' || op === '::=' || op === ':::=';
    into.set(name, { flavor: simple ? 'simple' : 'recursive', value: simple ? expand(value, context) : value, origin: 'file' });
  }

  function read(source: string, file: string, lineOf: (line: number) => number, level: number): void {
    if (level > MAX_INCLUDE_DEPTH) {
      report('FD304', `includes and evals nest deeper than ${MAX_INCLUDE_DEPTH} levels; the rest is not read`, { file, line: lineOf(1) });
      return;
    }
    const saved = depth;
    depth = level;
    try {
      readLines(source, file, lineOf);
    } finally {
      depth = saved;
    }
  }

  function readLines(source: string, file: string, lineOf: (line: number) => number): void {
    const cursor = lineCursor(source);
    const located = (group: PhysicalLine[]) => group.map((l) => ({ text: l.text, line: lineOf(l.line) }));
    const conditions: Array<{ active: boolean; taken: boolean }> = [];
    // How many open conditionals are in a branch not taken: a line is read when none is.
    let inactive = 0;
    const active = () => inactive === 0;
    const push = (condition: { active: boolean; taken: boolean }) => {
      conditions.push(condition);
      if (!condition.active) inactive++;
    };
    let recipeOf: { rules: MakeRule[]; at: Origin } | undefined;
    for (let group = cursor.next(); group; group = cursor.next()) {
      if (context.budget.exhausted) return;
      const lines = located(group);
      const at: Origin = { file, line: lines[0]!.line };
      if (lines[0]!.text.startsWith('\t') && recipeOf) {
        if (active()) for (const rule of recipeOf.rules) addRecipeLine(rule, joinRecipe(lines, file), recipeOf.at);
        continue;
      }
      const logical = stripComment(joinLogical(lines, file));
      const text = logical.text.trim();
      const word = DIRECTIVE.exec(text)?.[1];
      const rest = () => trimmed(logical, logical.text.indexOf(word!) + word!.length);
      if (word === 'ifeq' || word === 'ifneq' || word === 'ifdef' || word === 'ifndef') {
        push(active() ? decided(condition(word, rest(), at)) : { active: false, taken: true });
        continue;
      }
      if (word === 'else' || word === 'endif') {
        const top = conditions[conditions.length - 1];
        if (!top) {
          report('FD325', `${word} without a matching if (make stops here: "extraneous '${word}'")`, at);
          continue;
        }
        conditions.pop();
        if (!top.active) inactive--;
        if (word === 'else') {
          const chained = /^(ifeq|ifneq|ifdef|ifndef)\b/.exec(rest().text);
          const wanted = !top.taken && active() && (chained ? condition(chained[1]!, trimmed(rest(), chained[1]!.length), at) : true);
          push({ active: wanted, taken: top.taken || wanted });
        }
        continue;
      }
      if (word === 'define') {
        const body = defineBody(cursor, lineOf, file);
        if (active()) {
          const [name, op = '='] = rest().text.trim().split(/\s+/) as [string, string?];
          assign(name, op, body, at);
        }
        recipeOf = undefined;
        continue;
      }
      if (!active() || text === '') continue;
      if (word === 'include' || word === '-include' || word === 'sinclude') {
        for (const name of words(expand(rest(), context).text)) {
          // make expands a pattern in an include (`include debian/rules.d/*.mk`) to the files it names.
          const paths = /[*?[]/.test(name) ? context.wildcard(name) : [name];
          if (paths === undefined) report('FD325', `include ${name}: the files it names are not known to flagdiff; not read`, at);
          for (const path of paths ?? []) includeFile(path, word === 'include', at);
        }
        continue;
      }
      if (word === 'vpath' || word === 'endef' || ((word === 'export' || word === 'unexport' || word === 'undefine') && !text.includes('='))) {
        if (word === 'undefine') variables.delete(rest().text.trim());
        continue;
      }
      const statement = word === 'export' || word === 'override' || word === 'private' ? rest() : trimmed(logical, 0);
      const rules = statementLine(statement, at, recipeOf?.rules);
      recipeOf = rules && (rules === recipeOf?.rules ? recipeOf : { rules, at });
    }
    if (conditions.length) report('FD325', `${conditions.length} conditional(s) not closed by endif at the end of the file (make stops: "missing 'endif'")`, { file, line: 0 });
  }

  /** An assignment or a rule; returns the rules whose recipe follows. */
  function statementLine(line: SpannedText, at: Origin, current: MakeRule[] | undefined): MakeRule[] | undefined {
    const split = assignmentOrRule(line.text);
    if (split.kind === 'assignment') {
      assign(expand(sliceText(line, 0, split.nameEnd), context).text.trim(), split.op, trimmed(line, split.valueStart), at);
      return undefined;
    }
    if (split.kind === 'none') {
      const expanded = expand(line, context).text.trim();
      if (expanded !== '') report('FD325', `a line that is neither a rule nor an assignment (make stops here: "missing separator"): ${expanded.slice(0, 60)}`, at);
      return current;
    }
    const targets = words(expand(sliceText(line, 0, split.colon), context).text);
    const doubleColon = line.text[split.colon + 1] === ':';
    const after = sliceText(line, split.colon + (doubleColon ? 2 : 1));
    const targetAssignment = assignmentOrRule(after.text);
    if (targetAssignment.kind === 'assignment') {
      for (const target of targets) {
        const name = expand(sliceText(after, 0, targetAssignment.nameEnd), context).text.trim();
        assign(name, targetAssignment.op, trimmed(after, targetAssignment.valueStart), at, ruleFor(target, at).variables);
      }
      return undefined;
    }
    const semicolon = topLevelIndex(after.text, ';');
    const listed = words(expand(semicolon === -1 ? after : sliceText(after, 0, semicolon), context).text);
    const bar = listed.indexOf('|');
    const prerequisites = bar === -1 ? listed : listed.slice(0, bar);
    const orderOnly = bar === -1 ? [] : listed.slice(bar + 1).filter((w) => w !== '|');
    const targetsRules = targets.map((target) => ruleFor(target, at));
    if (doubleColon) for (const rule of targetsRules) rule.doubleColon = true;
    for (const rule of targetsRules) {
      rule.prerequisites.push(...prerequisites);
      rule.orderOnly.push(...orderOnly);
    }
    if (semicolon !== -1) for (const rule of targetsRules) addRecipeLine(rule, trimmed(after, semicolon + 1), at);
    return targetsRules;
  }

  function addRecipeLine(rule: MakeRule, line: SpannedText, at: Origin): void {
    if (rule.recipeAt !== at) {
      if (rule.recipeAt && !rule.doubleColon) {
        report('FD325', `the recipe for ${rule.target} replaces the one at ${rule.recipeAt.file}:${rule.recipeAt.line} (make warns: "overriding recipe")`, at);
        rule.recipe = [];
      }
      rule.recipeAt = at;
    }
    rule.recipe.push(line);
  }

  function ruleFor(target: string, at: Origin): MakeRule {
    let rule = rules.get(target);
    if (!rule) rules.set(target, (rule = { target, prerequisites: [], orderOnly: [], recipe: [], variables: new Map(), origin: at }));
    return rule;
  }

  function condition(kind: string, argument: SpannedText, at: Origin): boolean {
    if (kind === 'ifdef' || kind === 'ifndef') {
      const variable = variables.get(expand(argument, context).text.trim());
      return (variable !== undefined && variable.value.text !== '') === (kind === 'ifdef');
    }
    const pair = comparedPair(argument);
    if (!pair) {
      report('FD325', `${kind} ${argument.text}: not the (a,b) or "a" "b" form make reads; taken as false`, at);
      return false;
    }
    const [left, right] = pair.map((p) => expand(p, context).text);
    return (left === right) === (kind === 'ifeq');
  }

  function includeFile(path: string, required: boolean, at: Origin): void {
    const found = options.include(path, at);
    if ('text' in found) read(found.text, found.file, (n) => n, depth + 1);
    else if ('variables' in found) for (const [name, value] of Object.entries(found.variables)) assign(name, '?=', spannedText(value, null), { file: found.file, line: 0 });
    else if (required) report('FD325', `include ${path}: ${found.unread}`, at);
  }

  try {
    read(text, options.file, (n) => n, 0);
  } catch (error) {
    if (!(error instanceof MakeStop)) throw error;
    report('FD325', `$(error ${error.message}) is reached: make stops here, and flagdiff reads no further`, error.origin);
  }
  function expandRecipe(rule: MakeRule, target = rule.target): SpannedText[] {
    const automatic = automaticVariables(rule, target);
    const lookup = (name: string) => automatic.get(name) ?? rule.variables.get(name) ?? variables.get(name);
    const recipeContext: ExpandContext = { ...context, lookup };
    try {
      return rule.recipe.map((line) => {
        const expanded = expand(line, recipeContext);
        const prefix = /^[@+\-\s]*/.exec(expanded.text)![0].length;
        return sliceText(expanded, prefix);
      });
    } catch (error) {
      if (!(error instanceof MakeStop)) throw error;
      report('FD325', `$(error ${error.message}) is reached in the recipe of ${rule.target}: make stops there`, error.origin);
      return [];
    }
  }

  const expandVariable = (name: string) => valueOf(name, { file: options.file, line: 0 }, context);
  return { variables, rules, unknowns, diagnostics, expandRecipe, expandVariable, ruleOf: (target) => ruleOf(rules, target) };
}
