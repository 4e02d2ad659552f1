import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const define = { __FLAGDIFF_VERSION__: JSON.stringify(version) };

export default defineConfig([
  {
    // ESM: library and CLI together, so the CLI's lazy imports share chunks with the library.
    entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
    format: ['esm'],
    dts: { entry: { index: 'src/index.ts' } },
    splitting: true,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    define,
  },
  {
    // CJS: the library only, for require() consumers.
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    dts: { entry: { index: 'src/index.ts' } },
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    define,
  },
]);
