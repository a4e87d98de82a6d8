import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Files that replace modules (vi.mock), spy on process-wide functions or change process-wide
 * settings: each runs with a fresh module registry. Every other file shares the modules already
 * loaded in its worker (importing the sources anew for each of a hundred files costs more than
 * all the unit tests together).
 */
const ISOLATED = [
  'test/render/snapshots.test.ts',
  'test/robustness/injection.test.ts',
  'test/robustness/syscall-faults.test.ts',
  'test/store/lock-taken-over.test.ts',
  'test/store/write.test.ts',
];

export default defineConfig({
  test: {
    // Calendar dates must not shift west of UTC: run everything in a zone behind it.
    env: { TZ: 'America/Los_Angeles', NO_COLOR: '1' },
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    // Limits generous enough that no verdict depends on how fast or busy the machine is.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Vitest's default leaves a core idle (one worker on two cores); most end-to-end commands run
    // in a worker thread of the test process (test/helpers/cli.ts), so a worker per core pays.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
