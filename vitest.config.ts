import { availableParallelism } from 'node:os';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The files that take longest, longest first. Vitest orders files by their time in the last run,
 * which a fresh clone (CI) does not have: there, these start first, so that the two workers end
 * together instead of one running a long file alone at the end.
 */
const LONGEST = [
  'test/robustness/hostile-files.test.ts',
  'test/e2e/site.test.ts',
  'test/e2e/lifecycle-concurrency.test.ts',
  'test/e2e/report.test.ts',
  'test/robustness/concurrency.test.ts',
  'test/robustness/disk-faults.test.ts',
  'test/robustness/kill.test.ts',
  'test/render/browser.test.ts',
  'test/render/pdf.test.ts',
  'test/speed/equivalence.test.ts',
  'test/robustness/syscall-faults.test.ts',
  'test/render/snapshots.test.ts',
  'test/e2e/full-device.test.ts',
  'test/robustness/injection.test.ts',
  'test/e2e/readme.test.ts',
  'test/e2e/lifecycle-tz.test.ts',
  'test/e2e/validate.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const index = LONGEST.findIndex((file) => spec.moduleId.endsWith(file));
      return index === -1 ? LONGEST.length : index;
    };
    // A stable sort: the rest keep vitest's own order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

/**
 * Files that replace modules (vi.mock): each runs with a fresh module registry. Every other file
 * shares the modules already loaded in its worker (importing the sources anew for each of a
 * hundred files costs more than all the unit tests together); a shared file that spies on a
 * process-wide function or changes a process-wide setting (the umask) restores it in a `finally`.
 */
const ISOLATED = ['test/render/snapshots.test.ts', 'test/robustness/syscall-faults.test.ts', 'test/store/lock-taken-over.test.ts'];

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
    sequence: { sequencer: LongestFirst },
    projects: [
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
