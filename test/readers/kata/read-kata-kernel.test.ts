import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../src/cli/node-host.js';
import { readKataKernel } from '../../../src/readers/kata/read-kata-kernel.js';
import { KATA_FRAGMENTS, corpus } from '../../helpers/corpus.js';
import { memoryHost } from '../../helpers/memory-host.js';
import shipped from '../../../src/knowledge/kata-kernel.json' with { type: 'json' };

const INFO = { repository: 'r', commit: 'c', root: 'fragments', kernelVersion: '6.18.35', configVersion: '202' };

/** A tree shaped like Kata's fragments directory, written for these tests. */
const TREE = {
  'f/common/a.conf': '# base things\nCONFIG_A=y\n',
  'f/common/b.conf': '# !s390x !ppc64le\nCONFIG_B=y\n', // !s390 matches !s390x; !ppc64le never matches powerpc
  'f/common/c.conf': 'CONFIG_C=y\n# see also !powerpc, and CONFIG_X86_THING\n',
  'f/common/d.conf': '# !confidential\n# needs CONFIG_UNSET_ELSEWHERE\nCONFIG_D=y\nCONFIG_NR=4\n',
  'f/common/tpl.conf': 'CONFIG_CMDLINE="${HOME}"\n',
  'f/x86_64/x.conf': 'CONFIG_X86_THING=y\nCONFIG_NR=8\n',
  'f/x86_64/confidential/tee.conf': 'CONFIG_TEE=y\n',
  'f/x86_64/confidential/link.conf': '../tee/real.conf',
  'f/x86_64/tee/real.conf': '# !arm64\nCONFIG_REAL=y\n',
  'f/s390/s.conf': 'CONFIG_S=y\n',
  'f/powerpc/p.conf': 'CONFIG_P=y\nCONFIG_X86_THING=n\n',
  'f/gpu/nvidia.x86_64.conf.in': 'CONFIG_LOCALVERSION="-gpu${CONF_GUEST_SUFFIX}"\nCONFIG_G="$OTHER"\n',
  'f/gpu/old.conf': 'CONFIG_OLDGPU=y\n',
  'f/common/confidential_containers/tmpfs.conf': 'CONFIG_TMPFS=y\n',
  'f/whitelist.conf': '# comment\nCONFIG_OLD\nCONFIG_X86_TH.NG\n\nCONFIG_LAST\n',
  'f/whitelist-6.18.35.conf': 'CONFIG_S\n',
};

describe('readKataKernel on a tree written for the test', () => {
  it('records which !tags each common fragment contains, by substring over the whole file', async () => {
    const data = await readKataKernel('f', memoryHost(TREE), INFO);
    expect(data.exclusions).toEqual({ 'common/a.conf': [], 'common/b.conf': ['s390'], 'common/c.conf': ['powerpc'], 'common/d.conf': ['confidential'], 'common/tpl.conf': [] });
  });

  it('substitutes CONF_GUEST_SUFFIX in templates, reads a link written as a file as its target, and keeps lines', async () => {
    const data = await readKataKernel('f', memoryHost(TREE), INFO);
    expect(data.fragments['gpu/nvidia.x86_64.conf.in']).toEqual([['CONFIG_LOCALVERSION', '"-gpu"', 1], ['CONFIG_G', '"$OTHER"', 2]]);
    expect(data.fragments['x86_64/confidential/link.conf']).toEqual([['CONFIG_REAL', 'y', 2]]);
    expect(data.fragments['common/b.conf']).toEqual([['CONFIG_B', 'y', 2]]);
  });

  it('lets absent what whitelist.conf and whitelist-<pinned version>.conf match, as grep -v -f does', async () => {
    const data = await readKataKernel('f', memoryHost(TREE), INFO);
    // Patterns match anywhere in merge_config.sh's line: CONFIG_OLD also matches CONFIG_OLDGPU;
    // "." in CONFIG_X86_TH.NG matches any character; CONFIG_S comes from whitelist-6.18.35.conf.
    expect(data.mayBeAbsent).toEqual(['CONFIG_OLDGPU', 'CONFIG_S', 'CONFIG_X86_THING']);
    expect(data.whitelist).toEqual(['# comment', 'CONFIG_OLD', 'CONFIG_X86_TH.NG', 'CONFIG_LAST']);
    const other = await readKataKernel('f', memoryHost(TREE), { ...INFO, kernelVersion: '6.12.0' });
    expect(other.mayBeAbsent).toEqual(['CONFIG_OLDGPU', 'CONFIG_X86_THING']);
  });

  it('lints the tree', async () => {
    const { lints } = await readKataKernel('f', memoryHost(TREE), INFO);
    expect(lints.map((l) => `${l.code} ${l.file}:${l.line}`)).toEqual([
      'FD402 fragments/common/b.conf:1', // !ppc64le; its twin !s390x in the same line is effective
      'FD403 fragments/common/c.conf:2', // CONFIG_X86_THING is assigned by x86_64/x.conf; d.conf's CONFIG_UNSET_ELSEWHERE is not
      'FD405 fragments/common/tpl.conf:1', // ${HOME} in a .conf is not substituted
      'FD405 fragments/gpu/nvidia.x86_64.conf.in:2', // $OTHER: not set by build-kernel.sh; CONF_GUEST_SUFFIX is
      'FD401 fragments/whitelist.conf:4',
      'FD402 fragments/x86_64/confidential/link.conf:1', // a tag outside common/ is inert (linted once, not again as tee/real.conf)
      'FD404 fragments/x86_64/x.conf:2', // CONFIG_NR 4 (common/d.conf) and 8 (x86_64/x.conf) merge together; X86_THING y/n (x86_64, powerpc) never do
      'FD406 fragments/gpu/old.conf:0', // only gpu/<vendor>.<arch>.conf.in is looked for
    ]);
  });
});

describe('readKataKernel on the corpus', () => {
  it('reproduces the shipped built-in profile (Kata 7c6ba40c54ea)', async () => {
    const data = await readKataKernel(corpus(KATA_FRAGMENTS), nodeHost(), {
      repository: shipped.repository,
      commit: shipped.commit,
      root: shipped.root,
      kernelVersion: shipped.kernelVersion,
      configVersion: shipped.configVersion,
    });
    expect(JSON.parse(JSON.stringify(data))).toEqual(shipped);
  });

  it('finds the problems kernel-sources.md §1.3-1.6 describes in Kata\'s tree', () => {
    const found = shipped.lints.map((l) => `${l.code} ${l.file.replace(`${shipped.root}/`, '')}:${l.line}`);
    expect(found).toEqual([
      'FD403 common/base.conf:46', // "# CONFIG_CGROUP_PERF needs", a spurious "redefined"
      'FD403 common/base.conf:50', // "# CONFIG_BLK_DEV_LOOP needs"
      'FD401 whitelist.conf:68', // the empty last line, since cce5d4abf6
      'FD402 x86_64/confidential/snp.conf:1', // "# !s390x !ppc64le !arm64" outside common/: inert
      'FD402 x86_64/confidential/snp.conf:1',
      'FD402 x86_64/confidential/snp.conf:1',
      'FD403 x86_64/crypto.conf:4', // "disabled by CONFIG_EXPERT", the spurious "not in final"
      'FD406 gpu/intel.conf:0', // -g intel looks for gpu/intel.x86_64.conf.in
    ]);
  });
});
