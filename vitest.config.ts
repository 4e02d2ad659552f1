import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { readCodeDocs } from './scripts/code-docs.js';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  define: { __FLAGDIFF_VERSION__: JSON.stringify(version), __FLAGDIFF_CODE_DOCS__: JSON.stringify(JSON.stringify(readCodeDocs())) },
  test: { include: ['test/**/*.test.ts'], setupFiles: ['test/setup.ts'], environment: 'node', testTimeout: 20_000 },
});
