import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../src/cli/node-host.js';
import { readKataKernel } from '../../../src/readers/kata/read-kata-kernel.js';
import { KATA_FRAGMENTS, corpus } from '../../helpers/corpus.js';
import { memoryHost } from '../../helpers/memory-host.js';
import shipped from '../../../src/knowledge/kata-kernel.json' with { type: 'json' };

const INFO = { repository: 'r', commit: 'c', root: 'fragments', kernelVersion: '6.18.35', configVersion: '202' };

describe('readKataKernel', () => {
  it('drops common fragments tagged !<kernel arch> anywhere in the file, by substring', async () => {
    const host = memoryHost({
      'f/common/a.conf': 'CONFIG_A=y\n',
      'f/common/b.conf': '# !s390x !ppc64le\nCONFIG_B=y\n', // !s390 matches !s390x; !ppc64le never matches powerpc
      'f/common/c.conf': 'CONFIG_C=y\n# see also !powerpc\n',
      'f/x86_64/x.conf': 'CONFIG_X=y\n',
      'f/s390/s.conf': 'CONFIG_S=y\n',
      'f/powerpc/p.conf': 'CONFIG_P=y\n',
      'f/whitelist.conf': '# comment\nCONFIG_OLD\n\n',
    });
    const data = await readKataKernel('f', host, INFO);
    expect(data.selections).toEqual({
      x86_64: { plain: ['common/a.conf', 'common/b.conf', 'common/c.conf', 'x86_64/x.conf'] },
      s390x: { plain: ['common/a.conf', 'common/c.conf', 's390/s.conf'] },
      ppc64le: { plain: ['common/a.conf', 'common/b.conf', 'powerpc/p.conf'] },
    });
    expect(data.whitelist).toEqual(['CONFIG_OLD']);
    expect(data.mayBeAbsent).toEqual([]);
    expect(data.fragments['common/b.conf']).toEqual([['CONFIG_B', 'y', 2]]);
  });

  it('reproduces the shipped built-in profile from the corpus (Kata 7c6ba40c54ea)', async () => {
    const data = await readKataKernel(corpus(KATA_FRAGMENTS), nodeHost(), {
      repository: shipped.repository,
      commit: shipped.commit,
      root: shipped.root,
      kernelVersion: shipped.kernelVersion,
      configVersion: shipped.configVersion,
    });
    expect(JSON.parse(JSON.stringify(data))).toEqual(shipped);
  });
});
