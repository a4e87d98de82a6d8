import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { CONFIG_FILE } from '../model/layout.js';

/** The nearest folder at or above `start` that holds mentor.yaml, or undefined. */
export function findRepoRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (isFile(path.join(dir, CONFIG_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Where relative paths on the command line start: the -C folder, as with `git -C`, else the
 * current folder (`repoStart` is the one or the other).
 */
export function workingDirectory(cwd: string, repoStart: string): string {
  return path.resolve(cwd, repoStart);
}

/** Like findRepoRoot, but a missing repository is a usage error naming where it looked. */
export function requireRepoRoot(start: string): string {
  const resolved = path.resolve(start);
  if (!isDirectory(resolved)) throw new UsageError(`no such folder: ${resolved}`);
  const root = findRepoRoot(resolved);
  if (root === undefined) {
    throw new UsageError(
      `no mentor repository (${CONFIG_FILE}) in ${resolved} or any folder above it`,
      'start one with `mentor init <id>`, or point at one with -C <dir>',
    );
  }
  return root;
}

/**
 * A path given on the command line (relative to `cwd`), written so that it lies under `root` when
 * it does on disk: a repository reached through a symbolic link (`root` found through the link,
 * the path through the real folder, or the other way round) is the same repository. Paths that
 * lie outside, or under `root` already, are returned as given.
 */
export function pathUnderRoot(root: string, cwd: string, given: string): string {
  const abs = path.resolve(cwd, given);
  if (isWithin(root, abs)) return given;
  const realRoot = physical(root);
  const real = physical(abs);
  return isWithin(realRoot, real) ? path.join(root, path.relative(realRoot, real)) : given;
}

function isWithin(dir: string, target: string): boolean {
  const rel = path.relative(dir, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The path with every symbolic link resolved, as far as it exists (a file not yet made keeps its name). */
function physical(p: string): string {
  let existing = p;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(realpathSync(existing), ...rest.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return p;
      rest.push(path.basename(existing));
      existing = parent;
    }
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
