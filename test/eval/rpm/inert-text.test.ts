// Which texts can be left unexpanded when nobody reads them: those whose macros change nothing.
import { describe, expect, it } from 'vitest';
import { createSpecTable } from '../../../src/eval/rpm/spec-environment.js';
import { createInertCache, isInertText } from '../../../src/eval/rpm/inert-text.js';
import { pushMacro } from '../../../src/eval/rpm/macro-table.js';
import { spannedText } from '../../../src/eval/rpm/spanned-text.js';

function tableWith(defines: Record<string, string>, parametric: readonly string[] = []) {
  const table = createSpecTable('x86_64', {});
  for (const [name, body] of Object.entries(defines)) pushMacro(table, { name, body: spannedText(body, null), level: 0, ...(parametric.includes(name) ? { opts: '' } : {}) });
  return table;
}

describe('inert text', () => {
  it.each([
    // text, definitions, inert
    ['Requires: %{name}-common = %{version}-%{release}', { name: 'qemu', version: '8', release: '1' }, true],
    ['Requires: %{name}-common%{?_isa} = %{evr}', { name: 'qemu', evr: '%{version}-%{release}', version: '8', release: '1' }, true],
    ['%{_libdir}/qemu and %{_datadir}', {}, true],
    ['a %%{global} escape and an %{undefined_macro}', {}, true],
    ['%{basename:/a/b} %{?nope:x}%{!?nope:y}', {}, true],
    ['%{with xen}', {}, false], // parametric, and %expand inside
    ['%{p}', { p: 'x' }, true],
    ['%{p}', { p: 'x' }, true],
    ['%{sets}', { sets: '%global z 1' }, false],
    ['%{runs}', { runs: '%(uname -m)' }, false],
    ['%(uname -m)', {}, false],
    ['%[1 + 1]', {}, false],
    ['%{lua: print(1)}', {}, false],
    ['%{expand:%%{name}}', {}, false],
    ['%{lines}', { lines: 'one\ntwo' }, false], // could bring a conditional line
    ['%{self}', { self: '%{self}' }, false],
    ['%1 and %*', {}, false],
    ['100%', {}, false],
  ])('%j with %j: %s', (text, defines, inert) => {
    expect(isInertText(tableWith(defines), text, createInertCache())).toBe(inert);
  });

  it('treats a parametric macro as not inert', () => {
    expect(isInertText(tableWith({ f: 'x' }, ['f']), '%{f}', createInertCache())).toBe(false);
  });

  it('forgets its answers when a macro used in a body is redefined', () => {
    const table = tableWith({ outer: '%{inner}', inner: 'plain' });
    const cache = createInertCache();
    expect(isInertText(table, '%{outer}', cache)).toBe(true);
    pushMacro(table, { name: 'inner', body: spannedText('%global z 1', null), level: 0 });
    expect(isInertText(table, '%{outer}', cache)).toBe(false);
  });
});
