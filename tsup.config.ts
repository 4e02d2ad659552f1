import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { readCodeDocs } from './scripts/code-docs.js';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const common = {
  sourcemap: true,
  target: 'node20',
  platform: 'node',
  // docs/findings.md, per code, for SARIF rules' descriptions and help: a JSON string, which esbuild
  // inlines where it is used (an object would go to a chunk every entry loads).
  define: { __FLAGDIFF_VERSION__: JSON.stringify(version), __FLAGDIFF_CODE_DOCS__: JSON.stringify(JSON.stringify(readCodeDocs())) },
} as const;

export default defineConfig([
  // The library, for import and require(), with type declarations.
  { ...common, entry: { index: 'src/index.ts' }, format: ['esm', 'cjs'], dts: true },
  // The CLI on its own, split only where it loads lazily (each command, the built-in profile, chalk):
  // every module Node loads costs startup time, so a command loads as few files as possible. CommonJS,
  // because Node 20 starts a CommonJS entry ~6 ms sooner than an ES module and require() is cheaper
  // than import; chalk, the one ESM-only dependency, is bundled in so that nothing require()s ESM.
  // No source maps for the CLI: they would double what npx downloads, and its errors are one line.
  { ...common, entry: { cli: 'src/cli.ts' }, format: ['cjs'], splitting: true, noExternal: ['chalk'], outDir: 'dist/cli', sourcemap: false },
]);
