// `mentor` with no command: inside a repository its status, outside one a short help on how to start.

import { describe, expect, it } from 'vitest';
import { mentor, tempDir } from '../helpers/cli.js';

describe('mentor with no command', () => {
  it('inside a repository shows its status, exiting as status does', () => {
    const bare = mentor(['-C', 'examples']);
    const status = mentor(['status', '-C', 'examples']);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toMatch(/^Portfolio as of /);
    expect(bare.stdout).toBe(status.stdout);
  });

  it('outside one says how to start, on stderr, and exits 2', () => {
    const run = mentor([], { cwd: tempDir() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no mentor repository here');
    expect(run.stderr).toContain('mentor init <id>');
    expect(run.stderr.split('\n').length).toBeLessThan(15);
  });
});
