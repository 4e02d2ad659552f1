/**
 * A configure or meson invocation → its options, one setting per key. Within one invocation the
 * last word for a key wins (configure assigns a shell variable per word), except `--extra-*flags`,
 * which configure appends (`EXTRA_CFLAGS="$EXTRA_CFLAGS $optarg"`, Q72 configure :L318-319).
 */
import type { Build } from '../../model/build.js';
import { diagnostic } from '../../model/diagnostic.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { override } from '../../model/merge-config-sets.js';
import { isCompared } from '../../model/qemu-setting.js';
import type { QemuConfigSet, QemuSetting } from '../../model/qemu-setting.js';
import { createDiagnosticSink, quoteLine } from '../diagnostic-sink.js';
import type { DiagnosticSink } from '../diagnostic-sink.js';
import type { Origin } from '../../model/origin.js';
import { ARCHES } from '../../model/arch.js';
import { parseOption } from './parse-option.js';
import { systemTargetOf } from './select-devices.js';
import type { ParsedOption } from './parse-option.js';

/** Target names whose arch is not the target's own name (Kata builds ppc64le as `ppc64-softmmu`). */
const TARGET_ARCH: Readonly<Record<string, string>> = { ppc64: 'ppc64le', arm: 'aarch64' };

export function normalizeBuild(build: Build, source = build.origin.file): QemuConfigSet {
  const settings = new Map<string, QemuSetting>();
  const sink = createDiagnosticSink(source);
  let opaque: QemuConfigSet['opaque'];
  const overrides: Override[] = [];
  for (const argument of build.argv) {
    const { text, origin } = argument;
    if (argument.unknown) {
      const known = knownOptionOf(text);
      if (!known && text.startsWith('--with-devices-')) {
        // It names one target's device file, which one is not known (`--with-devices-%{lua:...}=minimal`):
        // every target's is unknown, and no other option.
        sink.add('FD340', `${quoteLine(text)} is not evaluated statically (${argument.unknown}); which target's device file it names is unknown`, origin, 'info');
        const unknown = `${quoteLine(text)} at line ${origin.line} is not evaluated statically (${argument.unknown})`;
        for (const arch of ARCHES) {
          const key = `devices_${systemTargetOf(arch).replace(/-softmmu$/, '')}`;
          const setting: QemuSetting = { key, value: 'unknown', origin, category: 'device-selection', spelling: text, unknown };
          settings.set(key, override(settings.get(key), setting) as QemuSetting);
        }
        continue;
      }
      // An option never compared (compiler flags, paths) being unknown changes no finding: info.
      const uncompared = known && !isCompared(known.category);
      const consequence = known ? `${known.key} is unknown${uncompared ? ` (a ${known.category} option, not compared)` : ''}` : 'any option not written after it is unknown';
      sink.add('FD340', `${quoteLine(text)} is not evaluated statically (${argument.unknown}); ${consequence}`, origin, uncompared ? 'info' : undefined);
      const unknown = `${quoteLine(text)} at line ${origin.line} is not evaluated statically (${argument.unknown})`;
      if (known) {
        const setting: QemuSetting = { key: known.key, value: 'unknown', origin, category: known.category, spelling: text, unknown };
        settings.set(known.key, override(settings.get(known.key), setting) as QemuSetting);
        continue;
      }
      // Configure reads words left to right: this one may set any option, so what came before may be overridden.
      opaque ??= { text, origin, reason: argument.unknown };
      for (const [k, s] of settings) settings.set(k, { ...s, unknown: `${unknown} and may override it` });
      continue;
    }
    const parsed = parseOption(text);
    if (!parsed) {
      sink.add('FD170', `${quoteLine(text)} is not a configure option (options start with -- or -D)`, origin);
      continue;
    }
    const previous = settings.get(parsed.key);
    const value = parsed.merge === 'accumulate' && previous ? `${previous.value} ${parsed.value}`.trim() : parsed.value;
    const setting: QemuSetting = {
      key: parsed.key,
      value,
      origin,
      category: parsed.category,
      spelling: text,
      ...(argument.tags ? { tags: argument.tags } : {}),
    };
    if (previous && parsed.merge === 'last' && previous.value !== value) overrides.push({ previous, setting });
    settings.set(parsed.key, override(previous, setting) as QemuSetting);
  }
  reportOverrides(overrides, sink);
  const diagnostics: Diagnostic[] = sink.finish();
  const exclude = settings.get('target_list_exclude');
  if (exclude && settings.has('target_list')) {
    diagnostics.push(diagnostic('FD172', 'both --target-list and --target-list-exclude are given; configure stops with "Can\'t mix"', exclude.origin));
  }
  const arch = build.arch ?? archOfTargets(settings.get('target_list')?.value);
  return {
    domain: 'qemu',
    settings,
    meta: { source, ...(arch ? { arch } : {}) },
    diagnostics,
    ...(opaque ? { opaque } : {}),
  };
}

/** An option set again, with another value, later in the invocation. */
interface Override {
  readonly previous: QemuSetting;
  readonly setting: QemuSetting;
}

/** Option names listed in one FD171 note at most; the rest are counted. */
const LISTED = 12;

/**
 * FD171. Options a recipe turns off in a list and on again later (RHEL's `%{disable_everything}`,
 * then the features it needs; openSUSE's `--disable-X` lines, then its `--enable-X` lines) are one
 * note per list: the macro or function they came through, or the invocation itself. An option set
 * twice on its own is a note of its own, with both lines.
 */
function reportOverrides(overrides: readonly Override[], sink: DiagnosticSink): void {
  const lists = new Map<string, { step: Origin | undefined; items: Override[] }>();
  for (const o of overrides) {
    const step = ownStep(o.previous.origin, o.setting.origin);
    const id = step ? `${step.name}\u0000${step.file}:${step.line}` : '';
    if (!lists.has(id)) lists.set(id, { step, items: [] });
    lists.get(id)!.items.push(o);
  }
  for (const { step, items } of lists.values()) {
    const first = items[0]!;
    if (items.length === 1) {
      sink.add('FD171', `${first.setting.key} is set to ${quoteLine(first.previous.value)} at line ${first.previous.origin.line} and then to ${quoteLine(first.setting.value)}; the last one wins`, first.setting.origin);
      continue;
    }
    const keys = items.slice(0, LISTED).map((o) => o.setting.key).join(', ');
    const listed = items.length > LISTED ? `${keys} and ${items.length - LISTED} more` : keys;
    const again = `are set again later with another value, the last one winning: ${listed}`;
    if (step) sink.add('FD171', `${items.length} options that ${step.name} sets ${again}`, { file: step.file, line: step.line });
    else {
      // A loop, not Math.min(...lines): a spread of 200,000 arguments overflows the stack.
      let [low, high] = [Infinity, 0];
      for (const { previous } of items) [low, high] = [Math.min(low, previous.origin.line), Math.max(high, previous.origin.line)];
      sink.add('FD171', `${items.length} options written at lines ${low}-${high} ${again}`, first.setting.origin);
    }
  }
}

/** The innermost macro or function the first word came through and the later one did not. */
function ownStep(first: Origin, later: Origin): Origin | undefined {
  const shared = (step: Origin) => later.via?.some((s) => s.name === step.name && s.file === step.file && s.line === step.line);
  return [...(first.via ?? [])].reverse().find((step) => step.name !== undefined && !shared(step));
}

/**
 * The key of a word not evaluated whole, when the part before `=` is plain (`--extra-cflags=%{optflags}`:
 * only the value is unknown). A word with no `=` (`--enable-%(cmd)`) or an unresolved name may be any option.
 */
function knownOptionOf(text: string): ParsedOption | undefined {
  const name = /^(--[a-z0-9][a-z0-9_-]*[a-z0-9]|-D[a-z0-9_.]+)=/i.exec(text)?.[1];
  return name ? parseOption(`${name}=`) : undefined;
}

/** The arch of a single system emulator target list (`x86_64-softmmu` → `x86_64`). */
export function archOfTargets(list: string | undefined): string | undefined {
  const system = (list ?? '').split(',').filter((t) => t.endsWith('-softmmu'));
  if (system.length !== 1) return undefined;
  const name = system[0]!.slice(0, -'-softmmu'.length);
  return TARGET_ARCH[name] ?? name;
}
