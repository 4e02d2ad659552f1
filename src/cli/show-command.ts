/** `flagdiff show`: what flagdiff read, normalised, with origins. */
import { ARCHES } from '../model/arch.js';
import { loadFragments, loadKconfig } from '../readers/kconfig/load-kconfig.js';
import { formatSettingsJson, formatSettingsText } from '../report/format-settings.js';
import type { Shown } from '../report/format-settings.js';
import { chooseStyle } from './color.js';
import { EXIT, UsageError } from './io.js';
import type { CliIo } from './io.js';
import { nodeHost } from './node-host.js';
import { COMMON_OPTIONS, oneOf, parseArches, parseCommand, parseDefines } from './options.js';
import { writeOutput } from './write-output.js';

const OPTIONS = {
  ...COMMON_OPTIONS,
  arch: { type: 'string', multiple: true },
  flavor: { type: 'string', default: 'plain' },
  define: { type: 'string', short: 'D', multiple: true },
  with: { type: 'string', multiple: true },
  without: { type: 'string', multiple: true },
} as const;

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, OPTIONS);
  const format = oneOf('format', values.format, ['text', 'json']);
  const arches = parseArches(values.arch);
  if (positionals.length === 0) throw new UsageError('no SOURCE given');

  const host = nodeHost(io.stdin ? { stdin: io.stdin } : {});
  const shown: Shown[] = [];
  for (const source of positionals) {
    if (source === 'kata') {
      const { kataKernelFlavors, kataKernelProfile } = await import('../knowledge/kata-kernel-profile.js');
      for (const arch of arches.length ? arches : ARCHES.filter((a) => kataKernelFlavors(a).includes(values.flavor))) {
        if (!kataKernelFlavors(arch).includes(values.flavor)) throw new UsageError(`the built-in Kata profile has no ${values.flavor} flavour for ${arch}`);
        shown.push({ kind: 'profile', profile: kataKernelProfile(arch, values.flavor) });
      }
    } else if (source.endsWith('.spec')) {
      const { loadSpec } = await import('../readers/rpm/load-spec.js');
      const readings = await loadSpec(source, host, {
        arches: arches.length ? arches : ARCHES,
        defines: parseDefines(values.define),
        with: values.with ?? [],
        without: values.without ?? [],
      });
      shown.push(...readings.map((reading) => ({ kind: 'builds' as const, reading })));
    } else if ((await host.kind(source)) === 'directory') {
      shown.push({ kind: 'config', config: await loadFragments([source], host) });
    } else {
      shown.push({ kind: 'config', config: await loadKconfig(source, host) });
    }
  }

  const text = format === 'json' ? formatSettingsJson(shown) : formatSettingsText(shown, values.output ? undefined : await chooseStyle(io, values.color));
  await writeOutput(text, io, values.output);
  return EXIT.ok;
}
