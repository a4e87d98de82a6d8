import path from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run test:long`: the robustness suite, the fast path's equivalence and the multi-process and
// time-zone runs, with many more cases (MENTOR_LONG=1), recording its
// figures for scripts/robustness-report.mjs, which writes docs/robustness.md from them.
export const FIGURES_DIR = path.resolve(import.meta.dirname, 'node_modules/.cache/mentor-robustness');

export default defineConfig({
  test: {
    include: ['test/robustness/**/*.test.ts', 'test/speed/**/*.test.ts', 'test/e2e/lifecycle-concurrency.test.ts', 'test/e2e/lifecycle-tz.test.ts', 'test/e2e/site.test.ts', 'test/ops/validate-since-shard.test.ts', 'test/render/browser.test.ts', 'test/e2e/lifecycle-no-tty.test.ts', 'test/e2e/full-device.test.ts', 'test/e2e/report.test.ts', 'test/e2e/one-reading.test.ts', 'test/e2e/slow-reader.test.ts', 'test/check/verdict.test.ts'],
    env: { TZ: 'America/Los_Angeles', NO_COLOR: '1', MENTOR_LONG: '1', MENTOR_FIGURES_DIR: FIGURES_DIR },
    globalSetup: ['test/global-setup.ts', 'test/robustness/figures-setup.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 900_000,
    hookTimeout: 120_000,
  },
});
