// Run before each test file, in every project: the helpers' temporary folders go after each test.
// (A hook registered by a helper module itself would run for the first file only where modules
// are shared between files.)
import { afterEach } from 'vitest';
import { removeTemps } from './helpers/cli.js';

afterEach(removeTemps);
