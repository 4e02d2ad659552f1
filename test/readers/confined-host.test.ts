import { describe, expect, it } from 'vitest';
import { confinedHost } from '../../src/readers/confined-host.js';
import { memoryHost } from '../helpers/memory-host.js';

describe('confinedHost', () => {
  const host = confinedHost(memoryHost({ 'tree/a': 'A', 'tree/sub/b': 'B', secret: 'S' }), 'tree');

  it.each([
    // path, read or refused
    ['tree/a', 'A'],
    ['tree/sub/b', 'B'],
    ['tree/../secret', 'FD157'],
    ['secret', 'FD157'],
    ['/etc/passwd', 'FD157'],
  ])('%s: %s', async (path, expected) => {
    const result = await host.readFile(path, 100).then(
      (bytes) => new TextDecoder().decode(bytes),
      (error: { diagnostic: { code: string } }) => error.diagnostic.code,
    );
    expect(result).toBe(expected);
  });

  it('lists and tells kinds inside the tree, the root included', async () => {
    expect(await host.kind('tree')).toBe('directory');
    expect((await host.list('tree')).sort()).toEqual(['a', 'sub']);
    await expect(host.list('.')).rejects.toMatchObject({ diagnostic: { code: 'FD157' } });
  });
});
