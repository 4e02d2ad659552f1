import { describe, expect, it } from 'vitest';
import { mergeConfigSets } from '../../src/model/merge-config-sets.js';
import { readKconfig } from '../../src/readers/kconfig/read-kconfig.js';

describe('mergeConfigSets', () => {
  const a = readKconfig('CONFIG_A=y\nCONFIG_B=y\n', 'a.conf');
  const b = readKconfig('CONFIG_B=m\nCONFIG_C=y\nCONFIG_B=n\n', 'b.conf');
  const merged = mergeConfigSets([a, b], { source: 'a+b' });

  it('lets the last writer win and keeps every earlier writer, oldest first', () => {
    expect(merged.settings.get('CONFIG_B')).toEqual({
      key: 'CONFIG_B',
      value: 'n',
      origin: { file: 'b.conf', line: 3 },
      writers: [
        { value: 'y', origin: { file: 'a.conf', line: 2 } },
        { value: 'm', origin: { file: 'b.conf', line: 1 } },
      ],
    });
  });

  it('keeps keys in first-written order and carries the diagnostics of every input', () => {
    expect([...merged.settings.keys()]).toEqual(['CONFIG_A', 'CONFIG_B', 'CONFIG_C']);
    expect(merged.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([['FD102', 'b.conf', 3]]);
  });

  it('leaves a setting written once without writers', () => {
    expect(merged.settings.get('CONFIG_A')).toEqual({ key: 'CONFIG_A', value: 'y', origin: { file: 'a.conf', line: 1 } });
  });
});
