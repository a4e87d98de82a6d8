import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfExamples, mentor } from '../helpers/cli.js';

// The flags as a user types them: usage errors exit 2 with a clear message (the results
// themselves are compared with full runs in test/ops/validate-since-shard.test.ts).
describe('validate --since and --shard on the command line', () => {
  it('refuses a folder outside git, a ref that does not exist, no git, and a bad shard (exit 2)', () => {
    const root = copyOfExamples();
    const outside = mentor(['validate', '-C', root, '--since', 'HEAD']);
    expect([outside.code, outside.stderr]).toEqual([2, expect.stringMatching(/--since needs a git repository/)]);
    spawnSync('git', ['init', '-q'], { cwd: root });
    const noRef = mentor(['validate', '-C', root, '--since', 'origin/main']);
    expect([noRef.code, noRef.stderr]).toEqual([2, expect.stringMatching(/origin\/main: no such commit/)]);
    const noGit = mentor(['validate', '-C', root, '--since', 'HEAD'], { env: { PATH: path.join(root, 'no-bin') } });
    expect([noGit.code, noGit.stderr]).toEqual([2, expect.stringMatching(/git was not found/)]);
    const shard = mentor(['validate', '-C', root, '--shard', '3/2']);
    expect([shard.code, shard.stderr]).toEqual([2, expect.stringMatching(/--shard 3\/2 is not <i>\/<n>/)]);
  });

  it('checks one shard of the examples', () => {
    const all = mentor(['validate', '-C', 'examples', '--shard', '1/1', '--as-of', '2011-03-31']);
    expect(all.stdout).toBe(mentor(['validate', '-C', 'examples', '--as-of', '2011-03-31']).stdout);
  });
});
