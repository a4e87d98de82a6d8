import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Calendar dates must not shift west of UTC: run everything in a zone behind it.
    env: { TZ: 'America/Los_Angeles', NO_COLOR: '1' },
    globalSetup: ['test/global-setup.ts'],
    // Limits generous enough that no verdict depends on how fast or busy the machine is.
    testTimeout: 120_000,
    // Vitest's default leaves a core idle (one worker on two cores); most end-to-end commands run
    // in a worker thread of the test process (test/helpers/cli.ts), so a worker per core pays.
    maxWorkers: Math.max(2, availableParallelism()),
    hookTimeout: 120_000,
  },
});
