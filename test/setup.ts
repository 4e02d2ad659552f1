// Runs before each test file (vitest setupFiles): what a file makes in the temp directory goes with it.
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers/temp-dir.js';

afterAll(removeTempDirs);
