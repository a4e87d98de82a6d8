import { statSync } from 'node:fs';
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
