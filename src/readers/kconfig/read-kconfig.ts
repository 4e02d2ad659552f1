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
import type { Setting } from '../../model/setting.js';
import { createDiagnosticSink, quoteLine } from '../diagnostic-sink.js';

const NAME = /^[A-Za-z0-9_]+$/;
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

/** Parses one file. `source` names it in origins and diagnostics. */
export function readKconfig(text: string, source: string): ConfigSet {
  const settings = new Map<string, Setting>();
  const sink = createDiagnosticSink(source);
  let shape: ConfigShape = 'fragment';
  let declaredArch: string | undefined;
  let version: string | undefined;

  const assign = (key: string, value: string, line: number) => {
    const setting: Setting = { key, value, origin: { file: source, line } };
    const previous = settings.get(key);
    if (previous) sink.add('FD102', `${key} is assigned again (before at line ${previous.origin.line}); the value ${value} wins`, setting.origin);
    settings.set(key, previous ? override(previous, setting) : setting);
  };

  // A scanner over the text rather than split() and a regex per line: comment lines, a third of a
  // real config, then cost no allocation at all (npm run bench measures this path).
  let line = 0;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length : newline + 1;
    const end = newline === -1 ? text.length : text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
    line++;
    const first = text.charCodeAt(start);

    if (first === HASH) {
      if (text.startsWith(NOT_SET_PREFIX, start) && text.endsWith(NOT_SET_SUFFIX, end)) {
        const name = text.slice(start + NOT_SET_PREFIX.length, end - NOT_SET_SUFFIX.length);
        if (NAME.test(name)) assign(`CONFIG_${name}`, 'n', line);
      } else if (line <= HEADER_LINES) {
        const comment = text.slice(start, end);
        const header = HEADER.exec(comment);
        if (line === 1 && FEDORA_FIRST_LINE.test(comment)) {
          shape = 'partial';
          declaredArch = comment.slice(2);
        } else if (header) {
          shape = 'full';
          declaredArch = header[1];
          version = header[2];
        }
      }
    } else if (end > start) {
      const eq = text.indexOf('=', start);
      const key = text.startsWith('CONFIG_', start) && eq !== -1 && eq < end ? text.slice(start, eq) : undefined;
      if (key === undefined || !NAME.test(key.slice(7))) {
        unexpected(text.slice(start, end), line);
      } else {
        const value = text.slice(eq + 1, end);
        if (!PLAIN_VALUE.test(value) && parseKconfigValue(value).type === 'invalid') {
          sink.add('FD103', `${key} has the value ${quoteLine(value)}, which is not y, m, n, a number or a quoted string`, { file: source, line });
        }
        assign(key, value, line);
      }
    }
    start = next;
  }

  function unexpected(content: string, at: number) {
    const why = !content.startsWith('CONFIG_') ? 'not a CONFIG_ assignment' : content.includes('=') ? 'not a valid symbol name' : 'no "=" and no value';
    sink.add('FD101', `unexpected line ${quoteLine(content)}: ${why}`, { file: source, line: at });
  }

  if (settings.size === 0) {
    throw new InputError(diagnostic('FD105', 'no CONFIG_ setting found; this is not a kernel configuration', { file: source, line: 0 }));
  }
  return { domain: 'kernel', settings, meta: describe(source, shape, settings, declaredArch, version), diagnostics: sink.finish() };
}

function describe(
  source: string,
  shape: ConfigShape,
  settings: ReadonlyMap<string, Setting>,
  declaredArch: string | undefined,
  version: string | undefined,
): ConfigMeta {
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
