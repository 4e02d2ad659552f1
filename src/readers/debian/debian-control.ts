/**
 * debian/control as debhelper reads it (deb822: paragraphs, `Name: value` fields, continuation lines,
 * `#` comment lines), and the configure options Debian's QEMU packaging keeps in comment lines
 * (`# --enable-numa<TAB>amd64 arm64`), which its debian/extract-config-opts turns into configure
 * arguments. Only text is read here; nothing in the file is run.
 */
import { InputError, diagnostic } from '../../model/diagnostic.js';

export interface DebianPackage {
  readonly name: string;
  /** The Architecture field's words: `all`, `any`, arch names and wildcards (`linux-any`). */
  readonly architecture: readonly string[];
  /** The Build-Profiles field as written (`<!nocheck> <pkg.qemu.omit-system>`), continuation lines joined. */
  readonly buildProfiles?: string;
  /** 1-based line of the `Package:` field. */
  readonly line: number;
}

/** One `# --flags<TAB>patterns` comment line, split as the script's `IFS=<TAB> read f p x` splits it. */
export interface ConfigOptionLine {
  /** The first field, split into words as the script's unquoted `echo $f` splits it. */
  readonly flags: readonly string[];
  /** The second field's words; none means the flags apply everywhere. */
  readonly patterns: readonly string[];
  readonly line: number;
}

export interface DebianControl {
  /** The binary packages, in file order (the first paragraph is the source package's). */
  readonly packages: readonly DebianPackage[];
  readonly configOptions: readonly ConfigOptionLine[];
}

/** debhelper's DEB822_FIELD_REGEX: a field name, then `:` and the value. */
const FIELD = /^([\x21\x22\x24-\x2c\x2f-\x39\x3b-\x7f][\x21-\x39\x3b-\x7f]*):\s*(.*)$/;

/** debian/control's binary packages and QEMU's configure-option comment lines; throws on what debhelper refuses to read. */
export function parseDebianControl(text: string, file: string): DebianControl {
  const lines = text.split('\n');
  return { packages: readPackages(lines, file), configOptions: readConfigOptions(lines) };
}

interface Paragraph {
  readonly fields: Map<string, { value: string; line: number }>;
}

/** Paragraphs as debhelper's _parse_debian_control reads them: trailing blanks ignored, a blank line ends a paragraph. */
function readParagraphs(lines: readonly string[], file: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | undefined;
  let last: { value: string; line: number } | undefined;
  const fail = (message: string, line: number) => new InputError(diagnostic('FD104', message, { file, line }));
  lines.forEach((raw, index) => {
    const line = raw.replace(/\s+$/, '');
    if (line.startsWith('#')) return;
    if (line === '') {
      current = undefined;
      last = undefined;
      return;
    }
    if (/^\s/.test(line)) {
      if (!last) throw fail('a continuation line comes before any field of its paragraph', index + 1);
      last.value += ` ${line.replace(/^\s\.?/, '')}`;
      return;
    }
    const field = FIELD.exec(line);
    if (!field) throw fail(`not a "Name: value" field: ${line.slice(0, 80)}`, index + 1);
    if (!current) paragraphs.push((current = { fields: new Map() }));
    const name = field[1]!.toLowerCase();
    if (current.fields.has(name)) throw fail(`the ${field[1]} field appears twice in one paragraph`, index + 1);
    last = { value: field[2]!, line: index + 1 };
    current.fields.set(name, last);
  });
  return paragraphs;
}

function readPackages(lines: readonly string[], file: string): DebianPackage[] {
  const [, ...binaries] = readParagraphs(lines, file);
  return binaries.map((paragraph) => {
    const name = paragraph.fields.get('package');
    if (!name) {
      const first = Math.min(...[...paragraph.fields.values()].map((f) => f.line));
      throw new InputError(diagnostic('FD104', 'a binary package paragraph has no Package field', { file, line: first }));
    }
    const architecture = (paragraph.fields.get('architecture')?.value ?? '').split(/\s+/).filter(Boolean);
    const profiles = paragraph.fields.get('build-profiles');
    const base = { name: name.value.trim(), architecture, line: name.line };
    return profiles ? { ...base, buildProfiles: profiles.value } : base;
  });
}

/** `sed -n 's/^# \?--/--/p'`: a comment line that starts with `--`, after at most one space. */
const OPTION_LINE = /^# ?--/;

/**
 * The configure-option lines, wherever they stand in the file. Each is read as dash's `read f p x` with
 * IFS set to TAB reads it: a backslash keeps the next character from splitting and is removed, a
 * backslash at the end joins the next such line, and runs of TABs separate fields (TAB is IFS white space).
 * A line `read` reaches the end of input in (no newline at the end, or a backslash on the last option
 * line) is not read: `read` fails there, so the loop never sees it.
 */
function readConfigOptions(lines: readonly string[]): ConfigOptionLine[] {
  const options: ConfigOptionLine[] = [];
  const matching = lines.slice(0, -1).flatMap((text, index) => (OPTION_LINE.test(text) ? [{ text: text.replace(OPTION_LINE, '--'), line: index + 1 }] : []));
  for (let i = 0; i < matching.length; i++) {
    const { line } = matching[i]!;
    const fields: string[] = [''];
    let separated = false;
    const append = (ch: string) => {
      if (separated) fields.push('');
      separated = false;
      fields[fields.length - 1] += ch;
    };
    let complete = true;
    for (let text = matching[i]!.text, k = 0; k < text.length; k++) {
      const ch = text.charAt(k);
      if (ch === '\\' && k === text.length - 1) {
        complete = i + 1 < matching.length;
        if (complete) [text, k] = [matching[++i]!.text, -1];
      } else if (ch === '\\') append(text.charAt(++k));
      else if (ch === '\t') separated = true;
      else append(ch);
    }
    const words = (field: string | undefined) => (field ?? '').split(/[ \t\n]+/).filter(Boolean);
    if (complete) options.push({ flags: words(fields[0]), patterns: words(fields[1]), line });
  }
  return options;
}
