/** `flagdiff show`: what flagdiff read, normalised, each value with the line it came from. */
import type { RecipeBuilds } from '../model/build.js';
import type { ConfigSet } from '../model/config-set.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { formatOrigin } from '../model/origin.js';
import type { Profile } from '../model/requirement.js';
import type { Assignment } from '../model/setting.js';
import { waives } from '../model/waiver.js';
import { formatBuildsText } from './format-builds.js';
import { formatKataOptionsText, kataOptionsJson } from './format-kata-options.js';
import type { KataOptionsShown } from './format-kata-options.js';
import { VERSION } from './report-document.js';
import { PLAIN_STYLE } from './text-style.js';
import type { TextStyle } from './text-style.js';

/** A configuration as read, the requirements of a reference (with problems found in it), Kata's configure options, or the builds of a recipe for one arch. */
export type Shown =
  | { readonly kind: 'config'; readonly config: ConfigSet }
  | { readonly kind: 'profile'; readonly profile: Profile; readonly diagnostics?: readonly Diagnostic[] }
  | KataOptionsShown
  | { readonly kind: 'builds'; readonly reading: RecipeBuilds };

export function formatSettingsJson(shown: readonly Shown[]): string {
  const sources = shown.map((s) =>
    s.kind === 'config'
      ? { kind: s.kind, domain: s.config.domain, meta: s.config.meta, settings: sortedValues(s.config.settings), diagnostics: s.config.diagnostics }
      : s.kind === 'profile'
        ? { kind: s.kind, ...s.profile, requirements: sortedValues(s.profile.requirements), diagnostics: s.diagnostics ?? [] }
        : s.kind === 'builds'
          ? { kind: s.kind, ...s.reading }
          : kataOptionsJson(s),
  );
  return `${JSON.stringify({ schemaVersion: 1, tool: { name: 'flagdiff', version: VERSION }, sources }, null, 2)}\n`;
}

export function formatSettingsText(shown: readonly Shown[], style: TextStyle = PLAIN_STYLE): string {
  const out: string[] = [];
  for (const s of shown) {
    if (s.kind === 'builds') {
      out.push(...formatBuildsText(s.reading, style));
    } else if (s.kind === 'config') {
      const { meta } = s.config;
      const facts = [s.config.domain, meta.shape, meta.declaredArch && `Linux/${meta.declaredArch}`, meta.version, meta.arch && `(${meta.arch})`];
      const settings = sortedValues(s.config.settings);
      out.push(style.heading(`# ${meta.source}: ${facts.filter(Boolean).join(' ')}, ${settings.length} settings`));
      for (const d of s.config.diagnostics) out.push(`# ${d.level} ${d.code} ${d.file}${d.line ? `:${d.line}` : ''}: ${d.message}`);
      for (const setting of settings) out.push(line(`${setting.key}=${setting.value}`, '', setting, style));
    } else if (s.kind === 'kata-options') {
      out.push(...formatKataOptionsText(s, style));
    } else {
      const { profile } = s;
      const requirements = sortedValues(profile.requirements);
      const facts = [profile.domain, profile.meta?.subdomain, profile.arch, profile.flavor, profile.meta?.target].filter(Boolean).join(' ');
      out.push(style.heading(`# ${profile.name} (${profile.source}): ${facts}, ${requirements.length} requirements`));
      for (const d of s.diagnostics ?? []) out.push(`# ${d.level} ${d.code} ${d.file}${d.line ? `:${d.line}` : ''}: ${d.message}`);
      for (const r of requirements) {
        const absent = profile.waivers?.waivers.some((w) => waives(w, { key: r.key, kind: 'missing', domain: profile.domain, arch: profile.arch ?? null }));
        const tags = `[${r.reasons.join(', ')}]${absent ? ' may be absent' : ''}`;
        out.push(line(`${r.key}=${r.want}`, tags, { value: r.want, origin: r.origin, ...(r.writers ? { writers: r.writers } : {}) }, style));
      }
    }
  }
  return `${out.join('\n')}\n`;
}

function line(assignment: string, tags: string, from: Assignment & { writers?: readonly Assignment[] }, style: TextStyle): string {
  const overridden = (from.writers ?? []).map((w) => `${w.value} at ${formatOrigin(w.origin)}`);
  const also = overridden.length ? ` (overrides ${overridden.join(', ')})` : '';
  return `${assignment.padEnd(44)} ${tags ? `${tags} ` : ''}${style.dim(formatOrigin(from.origin) + also)}`;
}

function sortedValues<T>(map: ReadonlyMap<string, T>): T[] {
  return [...map.keys()].sort().map((key) => map.get(key)!);
}
