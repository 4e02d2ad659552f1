/**
 * Reads Kconfig assignment files: full `.config` files, fragments, `/boot/config-*`, Fedora's
 * dist-git configs. Mirrors `conf_read_simple` in scripts/kconfig/confdata.c (Linux 6.12).
 */
import { archFromKernelArch } from '../../model/arch.js';
import type { ConfigMeta, ConfigSet, ConfigShape } from '../../model/config-set.js';
import { InputError, diagnostic } from '../../model/diagnostic.js';
import { parseKconfigValue } from '../../model/kconfig-value.js';
import { override } from '../../model/merge-config-sets.js';
import type { Setting } from '../../model/setting.js';
import { createDiagnosticSink, quoteLine } from '../diagnostic-sink.js';

const ASSIGNMENT = /^(CONFIG_[A-Za-z0-9_]+)=(.*)$/s;
const NOT_SET = /^# CONFIG_([A-Za-z0-9_]+) is not set$/;
/** The common values, recognised without a full parse. */
const PLAIN_VALUE = /^(?:[ymn]|-?[0-9]+)$/;
const CR = 13;
const HASH = 35;
/** `# Linux/x86 6.12.117 Kernel Configuration`, the third line of a generated config. */
const HEADER = /^# Linux\/(\S+) (\S+) Kernel Configuration$/;
/** Fedora dist-git configs start with the kernel ARCH alone: `# x86_64` (kernel.spec reads it with `cut -b 3-`). */
const FEDORA_FIRST_LINE = /^# (x86_64|x86|i386|arm64|arm|powerpc|s390|riscv|EMPTY)$/;
/** Where the generated header may appear. */
const HEADER_LINES = 5;

/** Parses one file. `source` names it in origins and diagnostics. */
export function readKconfig(text: string, source: string): ConfigSet {
  const settings = new Map<string, Setting>();
  const sink = createDiagnosticSink(source);
  let shape: ConfigShape = 'fragment';
  let declaredArch: string | undefined;
  let version: string | undefined;

  const assign = (key: string, value: string, line: number) => {
    const origin = { file: source, line };
    const previous = settings.get(key);
    if (previous) sink.add('FD102', `${key} is assigned again (before at line ${previous.origin.line}); the value ${value} wins`, origin);
    settings.set(key, override(previous, { key, value, origin }));
  };

  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.charCodeAt(line.length - 1) === CR) line = line.slice(0, -1);
    if (line === '') continue;
    const lineNo = i + 1;

    if (line.charCodeAt(0) === HASH) {
      const notSet = NOT_SET.exec(line);
      if (notSet) {
        assign(`CONFIG_${notSet[1]}`, 'n', lineNo);
      } else if (lineNo === 1 && FEDORA_FIRST_LINE.test(line)) {
        shape = 'partial';
        declaredArch = line.slice(2);
      } else if (lineNo <= HEADER_LINES) {
        const header = HEADER.exec(line);
        if (header) {
          shape = 'full';
          declaredArch = header[1];
          version = header[2];
        }
      }
      continue;
    }

    const assignment = ASSIGNMENT.exec(line);
    if (!assignment) {
      const eq = line.indexOf('=');
      const why = !line.startsWith('CONFIG_') ? 'not a CONFIG_ assignment' : eq === -1 ? 'no "=" and no value' : 'not a valid symbol name';
      sink.add('FD101', `unexpected line ${quoteLine(line)}: ${why}`, { file: source, line: lineNo });
      continue;
    }
    const [, key, value] = assignment as unknown as [string, string, string];
    if (!PLAIN_VALUE.test(value) && parseKconfigValue(value).type === 'invalid') {
      sink.add('FD103', `${key} has the value ${quoteLine(value)}, which is not y, m, n, a number or a quoted string`, { file: source, line: lineNo });
    }
    assign(key, value, lineNo);
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
