import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, mentor, tempDir } from '../helpers/cli.js';
import { readGithub } from '../helpers/formats.js';

// GitHub drops a step's whole job summary past 1 MiB ("$GITHUB_STEP_SUMMARY upload aborted,
// supports content up to a size of 1024k"): what mentor adds keeps the file under 1,000,000 bytes.
const LIMIT = 1_000_000;
const AS_OF = '2016-06-30';

const validateInto = (before: string) => {
  const file = path.join(tempDir(), 'step-summary.md');
  writeFileSync(file, before);
  const run = mentor(['validate', '-C', EXAMPLES, '--as-of', AS_OF, '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: file } });
  return { run, summary: readFileSync(file, 'utf8') };
};

describe('validate --format github and the job summary', () => {
  it('with a summary almost full from earlier steps, adds the rows that fit and says how many are left out', () => {
    const earlier = `# Earlier step\n\n${'x'.repeat(LIMIT - 6_000)}\n`;
    const { run, summary } = validateInto(earlier);
    const annotations = readGithub(run.stdout).length;
    expect(annotations).toBeGreaterThan(20);
    expect(summary.startsWith(earlier)).toBe(true);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(LIMIT);
    const rows = summary.split('\n').filter((line) => /^\| partnerships\//.test(line)).length;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(annotations);
    expect(summary).toMatch(new RegExp(`${annotations - rows} more problems? \\(\\d+ errors?, \\d+ warnings?\\) not in this table`));
    expect(run.stderr).toBe('');
  });

  it('with no room left, adds nothing and says so on stderr; the annotations are all written', () => {
    const earlier = `# Earlier step\n\n${'x'.repeat(LIMIT - 100)}\n`;
    const { run, summary } = validateInto(earlier);
    expect(summary).toBe(earlier);
    expect(run.stderr).toMatch(/is full \(GitHub keeps at most 1 MiB of summary for a step\); nothing was added to it/);
    expect(readGithub(run.stdout).length).toBeGreaterThan(20);
  });
});
