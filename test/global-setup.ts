import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// End-to-end tests spawn the real binary: build it once, from the current sources.
// They run a private snapshot of the build, so that another run of the suite in the same
// checkout (which rebuilds dist/ from scratch) cannot pull the files away mid-test.
// A build given from outside (MENTOR_TEST_BIN set before the run) is used as it is, unbuilt: for
// several runs at once against one snapshot of the sources.
export default function setup(): (() => void) | undefined {
  if (process.env.MENTOR_TEST_BIN) return undefined;
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const snapshot = mkdtempSync(path.join(os.tmpdir(), 'mentor-build-'));
  for (const part of ['package.json', 'bin', 'dist', 'templates', 'methods']) {
    if (existsSync(part)) cpSync(part, path.join(snapshot, part), { recursive: true });
  }
  process.env.MENTOR_TEST_BIN = path.join(snapshot, 'bin/mentor.js');
  return () => rmSync(snapshot, { recursive: true, force: true });
}
