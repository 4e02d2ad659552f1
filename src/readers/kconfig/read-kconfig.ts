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

const NOT_SET = /^# CONFIG_([A-Za-z0-9_]+) is not set$/;
const NAME = /^[A-Za-z0-9_]+$/;
/** `# Linux/x86 6.12.117 Kernel Configuration`, the third line of a generated config. */
const HEADER = /^# Linux\/(\S+) (\S+) Kernel Configuration$/;
/** Fedora dist-git configs start with the kernel ARCH alone: `# x86_64` (kernel.spec reads it with `cut -b 3-`). */
const FEDORA_FIRST_LINE = /^# (x86_64|x86|i386|arm64|arm|powerpc|s390|riscv|EMPTY)$/;
/** Where the generated header may appear. */
const HEADER_LINES = 5;

/** Parses one file. `source` names it in origins and diagnostics. */
export function readKconfig(text: string, source: string): ConfigSet {
  const settings: Record<string, Setting> = Object.create(null) as Record<string, Setting>;
  const sink = createDiagnosticSink(source);
  let shape: ConfigShape = 'fragment';
  let declaredArch: string | undefined;
  let version: string | undefined;
  let lineNo = 0;

  const assign = (key: string, value: string, line: number) => {
    const origin = { file: source, line };
    const previous = settings[key];
    if (previous) sink.add('FD102', `${key} is assigned again (before at line ${previous.origin.line}); the value ${value} wins`, origin);
    settings[key] = override(previous, { key, value, origin });
  };

  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let line = text.slice(start, end);
    start = end + 1;
    lineNo++;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line === '') continue;

    if (line.startsWith('#')) {
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

    const origin = { file: source, line: lineNo };
    const eq = line.indexOf('=');
    const name = line.startsWith('CONFIG_') && eq > 7 ? line.slice(7, eq) : undefined;
    if (name === undefined || !NAME.test(name)) {
      const why = !line.startsWith('CONFIG_') ? 'not a CONFIG_ assignment' : eq === -1 ? 'no "=" and no value' : 'not a valid symbol name';
      sink.add('FD101', `unexpected line ${quoteLine(line)}: ${why}`, origin);
      continue;
    }
    const value = line.slice(eq + 1);
    if (parseKconfigValue(value).type === 'invalid') {
      sink.add('FD103', `CONFIG_${name} has the value ${quoteLine(value)}, which is not y, m, n, a number or a quoted string`, origin);
    }
    assign(`CONFIG_${name}`, value, lineNo);
  }

  if (Object.keys(settings).length === 0) {
    throw new InputError(diagnostic('FD105', 'no CONFIG_ setting found; this is not a kernel configuration', { file: source, line: 0 }));
  }
  return { domain: 'kernel', settings, meta: describe(source, shape, settings, declaredArch, version), diagnostics: sink.finish() };
}

function describe(
  source: string,
  shape: ConfigShape,
  settings: Readonly<Record<string, Setting>>,
  declaredArch: string | undefined,
  version: string | undefined,
): ConfigMeta {
  const flag = (key: string) => (settings[key] ? settings[key].value === 'y' : undefined);
  const arch = declaredArch && archFromKernelArch(declaredArch, { is64Bit: flag('CONFIG_64BIT'), bigEndian: flag('CONFIG_CPU_BIG_ENDIAN') });
  return {
    source,
    shape,
    ...(arch ? { arch } : {}),
    ...(declaredArch ? { declaredArch } : {}),
    ...(version ? { version } : {}),
  };
}
