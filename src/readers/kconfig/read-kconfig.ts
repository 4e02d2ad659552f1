/**
 * Reads Kconfig assignment files: full `.config` files, fragments, `/boot/config-*`, Fedora's
 * dist-git configs. Mirrors `conf_read_simple` in scripts/kconfig/confdata.c (Linux 6.12):
 * `CONFIG_X=value` and `# CONFIG_X is not set` are settings, other `#` lines are comments, and
 * anything else is "unexpected data".
 */
import { archFromKernelArch } from '../../model/arch.js';
import type { ConfigMeta, ConfigSet, ConfigShape } from '../../model/config-set.js';
import { InputError, diagnostic } from '../../model/diagnostic.js';
import { parseKconfigValue } from '../../model/kconfig-value.js';
import { override } from '../../model/merge-config-sets.js';
import type { Origin } from '../../model/origin.js';
import type { Setting } from '../../model/setting.js';
import { createDiagnosticSink, quoteLine } from '../diagnostic-sink.js';
import type { DiagnosticSink } from '../diagnostic-sink.js';

/** A symbol as Kconfig writes it, CONFIG_ and all. */
const KEY = /^CONFIG_[A-Za-z0-9_]+$/;
/** The common values, recognised without a full parse. */
const PLAIN_VALUE = /^(?:[ymn]|-?[0-9]+)$/;
/** `# Linux/x86 6.12.117 Kernel Configuration`, the third line of a generated config. */
const HEADER = /^# Linux\/(\S+) (\S+) Kernel Configuration$/;
/** Fedora dist-git configs start with the kernel ARCH alone: `# x86_64` (kernel.spec reads it with `cut -b 3-`). */
const FEDORA_FIRST_LINE = /^# (x86_64|x86|i386|arm64|arm|powerpc|s390|riscv|EMPTY)$/;
/** Where the generated header may appear. */
const HEADER_LINES = 5;
const NOT_SET_PREFIX = '# CONFIG_';
const NOT_SET_SUFFIX = ' is not set';
const CR = 13;
const HASH = 35;

/** What the first lines say of the file: its shape, and for a generated config its arch and version. */
interface Header {
  shape: ConfigShape;
  declaredArch?: string;
  version?: string;
}

/** Parses one file. `source` names it in origins and diagnostics. */
export function readKconfig(text: string, source: string): ConfigSet {
  const settings = new Map<string, Setting>();
  const sink = createDiagnosticSink(source);
  const header: Header = { shape: 'fragment' };

  // A scanner over the text rather than split() and a regex per line: comment lines, a third of a
  // real config, then cost no allocation at all (npm run bench measures this path). The loop keeps
  // to the common lines; the rare ones (header, odd values, reassignments, errors) are functions of
  // their own, which keeps the loop small for V8 to optimize while it runs.
  let line = 0;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length : newline + 1;
    const end = newline === -1 ? text.length : text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
    line++;
    let key: string | undefined;
    let value = 'n';
    if (text.charCodeAt(start) === HASH) {
      if (text.startsWith(NOT_SET_PREFIX, start) && text.endsWith(NOT_SET_SUFFIX, end)) {
        key = text.slice(start + 2, end - NOT_SET_SUFFIX.length);
        if (!KEY.test(key)) key = undefined;
      } else if (line <= HEADER_LINES) readHeader(text.slice(start, end), line, header);
    } else if (end > start) {
      const eq = text.indexOf('=', start);
      key = eq !== -1 && eq < end ? text.slice(start, eq) : undefined;
      if (key === undefined || !KEY.test(key)) {
        unexpected(sink, text.slice(start, end), { file: source, line });
        key = undefined;
      } else {
        value = text.slice(eq + 1, end);
        if (!PLAIN_VALUE.test(value)) checkValue(sink, key, value, { file: source, line });
      }
    }
    if (key !== undefined) {
      const setting: Setting = { key, value, origin: { file: source, line } };
      const previous = settings.get(key);
      settings.set(key, previous === undefined ? setting : reassigned(sink, previous, setting));
    }
    start = next;
  }

  if (settings.size === 0) {
    throw new InputError(diagnostic('FD105', 'no CONFIG_ setting found; this is not a kernel configuration', { file: source, line: 0 }));
  }
  return { domain: 'kernel', settings, meta: describe(source, settings, header), diagnostics: sink.finish() };
}

function readHeader(comment: string, line: number, header: Header): void {
  const generated = HEADER.exec(comment);
  if (line === 1 && FEDORA_FIRST_LINE.test(comment)) {
    header.shape = 'partial';
    header.declaredArch = comment.slice(2);
  } else if (generated) {
    header.shape = 'full';
    header.declaredArch = generated[1];
    header.version = generated[2];
  }
}

function checkValue(sink: DiagnosticSink, key: string, value: string, origin: Origin): void {
  if (parseKconfigValue(value).type === 'invalid') {
    sink.add('FD103', `${key} has the value ${quoteLine(value)}, which is not y, m, n, a number or a quoted string`, origin);
  }
}

function reassigned(sink: DiagnosticSink, previous: Setting, setting: Setting): Setting {
  sink.add('FD102', `${setting.key} is assigned again (before at line ${previous.origin.line}); the value ${setting.value} wins`, setting.origin);
  return override(previous, setting);
}

function unexpected(sink: DiagnosticSink, content: string, origin: Origin): void {
  const why = !content.startsWith('CONFIG_') ? 'not a CONFIG_ assignment' : content.includes('=') ? 'not a valid symbol name' : 'no "=" and no value';
  sink.add('FD101', `unexpected line ${quoteLine(content)}: ${why}`, origin);
}

function describe(source: string, settings: ReadonlyMap<string, Setting>, header: Header): ConfigMeta {
  const { shape, declaredArch, version } = header;
  const flag = (key: string) => (settings.has(key) ? settings.get(key)!.value === 'y' : undefined);
  const arch = declaredArch && archFromKernelArch(declaredArch, { is64Bit: flag('CONFIG_64BIT'), bigEndian: flag('CONFIG_CPU_BIG_ENDIAN') });
  return {
    source,
    shape,
    ...(arch ? { arch } : {}),
    ...(declaredArch ? { declaredArch } : {}),
    ...(version ? { version } : {}),
  };
}
