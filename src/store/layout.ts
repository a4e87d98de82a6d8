import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { isSlug } from '../model/constants.js';
import { UsageError } from '../errors.js';
import { PARTNERSHIPS_DIR } from '../model/layout.js';

/** Refuse anything but a slug as a partnership id: it becomes a path. */
export function assertPartnershipId(id: string): void {
  if (!isSlug(id)) {
    throw new UsageError(
      `${JSON.stringify(id)} is not a valid partnership id`,
      'an id is lowercase letters and digits in words joined by hyphens, at most 64 characters, like "johannesburg-lilongwe"',
    );
  }
}

/** A folder's entries sorted by name; an absent folder has none. */
export function listDir(abs: string): Dirent[] {
  try {
    return readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}

/** The ids of the partnership folders of a repository (folders only, links excluded). */
export function listPartnershipIds(root: string): string[] {
  return listDir(path.join(root, PARTNERSHIPS_DIR))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

/**
 * The first of the folders on the way to `relative` (inside the repository) that is a symbolic
 * link, or undefined. mentor neither reads nor writes through such a link: it may lead anywhere.
 */
export function linkOnTheWay(root: string, relative: string): string | undefined {
  const parts = relative.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const rel = parts.slice(0, i).join('/');
    try {
      if (lstatSync(path.join(root, rel)).isSymbolicLink()) return rel;
    } catch {
      return undefined; // absent from here on: nothing to follow
    }
  }
  return undefined;
}
