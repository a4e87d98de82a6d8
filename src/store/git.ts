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

type Env = Record<string, string | undefined>;

function git(cwd: string, args: string[], env?: Env): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, ...(env && { env }) }, (error, stdout, stderr) => {
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
export async function changedSince(root: string, ref: string, env?: Env): Promise<string[]> {
  if (ref === '' || ref.startsWith('-')) throw new UsageError(`--since ${JSON.stringify(ref)} is not a git revision`);
  // One walk of the work tree (git status: staged, unstaged, untracked), as cheap as `git status`
  // itself, and a diff of two trees for what was committed since the ref, which reads no file.
  // All at once, so git's work runs on every core.
  const [prefix, verify, committed, status] = await Promise.all([
    git(root, ['rev-parse', '--show-prefix'], env),
    git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], env),
    git(root, ['diff', '--name-only', '--no-renames', '--relative', '-z', ref, 'HEAD', '--', '.'], env),
    git(root, ['status', '--porcelain', '-z', '--no-renames', '--untracked-files=all', '--', '.'], env),
  ]);
  if (prefix.missing) throw new UsageError('--since needs git, and git was not found', 'install git, or run validate without --since');
  if (!prefix.ok) throw new UsageError(`--since needs a git repository, and ${root} is not in one`, 'run validate without --since');
  if (!verify.ok) throw new UsageError(`--since ${ref}: no such commit, branch or tag in this git repository`, 'in CI, fetch the base branch first (actions/checkout with fetch-depth: 0)');
  for (const result of [committed, status]) {
    if (!result.ok) throw new UsageError(`git could not list the changes since ${ref}: ${result.stderr.trim().split('\n')[0] ?? ''}`);
  }
  // Porcelain status gives "XY path" relative to the top of the work tree, whatever the folder.
  const top = prefix.stdout.trim();
  const local = nulSeparated(status.stdout)
    .map((entry) => entry.slice(3))
    .filter((file) => file.startsWith(top))
    .map((file) => file.slice(top.length));
  return [...nulSeparated(committed.stdout), ...local];
}
