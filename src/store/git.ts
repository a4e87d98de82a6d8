import { execFile } from 'node:child_process';
import { UsageError } from '../errors.js';

// `validate --since` asks git, not the file system, what changed: git keeps the index and
// stat cache that make this cheap on a repository of a hundred thousand files.

interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  missing: boolean;
}

function git(cwd: string, args: string[]): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
      const missing = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
      resolve({ ok: !error, stdout, stderr, missing });
    });
  });
}

const nulSeparated = (text: string) => text.split('\0').filter((line) => line !== '');

/**
 * The files under `root` that differ from `ref`: committed since, staged, unstaged or untracked
 * (deleted files included), as paths relative to `root` with forward slashes. `root` may be a
 * subfolder of the git work tree. A ref that names no commit, a folder outside any git
 * repository, or no git at all is a usage error.
 */
export async function changedSince(root: string, ref: string): Promise<string[]> {
  if (ref === '' || ref.startsWith('-')) throw new UsageError(`--since ${JSON.stringify(ref)} is not a git revision`);
  // All three at once: git's own work (stat of the index, walk for untracked files) runs on both cores.
  const [verify, diff, untracked] = await Promise.all([
    git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]),
    git(root, ['diff', '--name-only', '--no-renames', '--relative', '-z', ref, '--', '.']),
    git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--', '.']),
  ]);
  if (verify.missing) throw new UsageError('--since needs git, and git was not found', 'install git, or run validate without --since');
  if (/not a git repository/i.test(verify.stderr + untracked.stderr)) {
    throw new UsageError(`--since needs a git repository, and ${root} is not in one`, 'run validate without --since');
  }
  if (!verify.ok) throw new UsageError(`--since ${ref}: no such commit, branch or tag in this git repository`, 'in CI, fetch the base branch first (actions/checkout with fetch-depth: 0)');
  for (const result of [diff, untracked]) {
    if (!result.ok) throw new UsageError(`git could not list the changes since ${ref}: ${result.stderr.trim().split('\n')[0] ?? ''}`);
  }
  return [...nulSeparated(diff.stdout), ...nulSeparated(untracked.stdout)];
}
