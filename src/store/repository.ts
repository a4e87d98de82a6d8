import { existsSync } from 'node:fs';
import path from 'node:path';
import { ProblemsError, UsageError } from '../errors.js';
import { isSlug } from '../model/constants.js';
import { CONFIG_FILE, PARTNERSHIP_FILE, PARTNERSHIPS_DIR, partnershipFile, SESSION_FILE_PATTERN, SESSIONS_DIR } from '../model/layout.js';
import { problem, reportOf, type Problem } from '../model/problem.js';
import type { PartnershipFolder, SourceFile } from '../model/source.js';
import { closest } from '../util/text.js';
import { assertPartnershipId, linkOnTheWay, listDir } from './layout.js';
import { readSource } from './source.js';

export interface RepositoryOptions {
  /** Read clean files with js-yaml first; the problems found are the same either way. Default on. */
  fastPath?: boolean;
  /** Worker threads for whole-repository work: undefined for the cores there are, 1 for none. */
  threads?: number;
}

/** The partnership folders of a repository, and the problems of the entries that cannot be one. */
export interface PartnershipListing {
  ids: string[];
  layout: Problem[];
}

const at1 = (file: string) => ({ file, line: 1, column: 1 });
const LINK = 'a symbolic link; mentor does not follow links in a repository';

/**
 * A repository opened by one command: where it is, how it is read, and the one rule for which
 * folders are partnerships. Everything that reads partnership files goes through it.
 */
export class Repository {
  readonly fastPath: boolean;
  readonly threads: number | undefined;

  constructor(
    readonly root: string,
    options: RepositoryOptions = {},
  ) {
    this.fastPath = options.fastPath ?? true;
    this.threads = options.threads;
  }

  /** Read one data file of the repository (never through a symbolic link). */
  read(file: string): SourceFile {
    return readSource(this.root, file, { fastPath: this.fastPath });
  }

  /** mentor.yaml */
  config(): SourceFile {
    return this.read(CONFIG_FILE);
  }

  /** The partnership folders, sorted by id; a link or a badly named folder is a located problem. */
  partnerships(): PartnershipListing {
    const layout: Problem[] = [];
    const ids: string[] = [];
    if (linkOnTheWay(this.root, PARTNERSHIPS_DIR) !== undefined) {
      layout.push(problem('MTR006', at1(PARTNERSHIPS_DIR), LINK, 'move the partnerships folder itself here'));
      return { ids, layout };
    }
    for (const entry of listDir(path.join(this.root, PARTNERSHIPS_DIR))) {
      const file = `${PARTNERSHIPS_DIR}/${entry.name}`;
      if (entry.name.startsWith('.')) continue;
      if (entry.isSymbolicLink()) {
        layout.push(problem('MTR006', at1(file), LINK, 'move the partnership folder itself here'));
      } else if (entry.isDirectory()) {
        if (!isSlug(entry.name)) {
          layout.push(problem('MTR021', at1(file), `the folder name "${entry.name}" is not a valid partnership id`, 'rename it to a lowercase slug, like "johannesburg-lilongwe"'));
        }
        ids.push(entry.name);
      }
    }
    return { ids, layout };
  }

  /** Read one partnership folder: its partnership.yaml and every session file. */
  folder(id: string): PartnershipFolder {
    const dir = `${PARTNERSHIPS_DIR}/${id}`;
    const folder: PartnershipFolder = { id, sessions: [], layout: [] };
    const link = linkOnTheWay(this.root, dir);
    if (link !== undefined) {
      folder.layout.push(problem('MTR006', at1(link), LINK, link === PARTNERSHIPS_DIR ? 'move the partnerships folder itself here' : 'move the folder itself here'));
      return folder;
    }
    let sawPartnershipFile = false;
    for (const entry of listDir(path.join(this.root, dir))) {
      const file = `${dir}/${entry.name}`;
      if (entry.name === PARTNERSHIP_FILE) {
        sawPartnershipFile = true;
        folder.partnership = this.read(file);
      } else if (entry.name === SESSIONS_DIR) {
        if (entry.isSymbolicLink()) folder.layout.push(problem('MTR006', at1(file), `the sessions folder is ${LINK}`));
        else if (entry.isDirectory()) this.readSessions(`${dir}/${SESSIONS_DIR}`, folder);
      } else if (/\.ya?ml$/.test(entry.name)) {
        folder.layout.push(problem('MTR024', at1(file), `"${entry.name}" is not read by mentor`, `a partnership folder holds ${PARTNERSHIP_FILE} and a ${SESSIONS_DIR}/ folder`));
      }
    }
    if (!sawPartnershipFile) {
      folder.layout.push(problem('MTR021', at1(dir), `the partnership folder "${id}" has no ${PARTNERSHIP_FILE}`, `create it with \`mentor init ${id}\`, or remove the folder`));
    }
    return folder;
  }

  private readSessions(dir: string, folder: PartnershipFolder): void {
    for (const entry of listDir(path.join(this.root, dir))) {
      const file = `${dir}/${entry.name}`;
      if (entry.name.startsWith('.')) continue;
      if (!/\.ya?ml$/i.test(entry.name)) continue; // minutes, photos and other attachments may sit beside sessions
      if (!SESSION_FILE_PATTERN.test(entry.name)) {
        folder.layout.push(problem('MTR022', at1(file), `"${entry.name}" is not named <YYYY-MM-DD>-<slug>.yaml`, 'rename it after its date and title, like 2009-02-17-first-contact-session.yaml'));
      }
      // A link is read, and refused, by readSource: the problem is reported at the file.
      if (entry.isSymbolicLink() || entry.isFile()) folder.sessions.push(this.read(file));
    }
  }

  /**
   * Check that a partnership exists before a command works on it: an id that is no slug or names no
   * partnership is a usage error (with a did-you-mean); a folder reached through a link is refused.
   */
  requirePartnership(id: string): void {
    assertPartnershipId(id);
    this.refuseLinks(partnershipFile(id));
    if (existsSync(path.join(this.root, partnershipFile(id)))) return;
    const { ids } = this.partnerships();
    const guess = closest(id, ids);
    const hint = guess
      ? `did you mean "${guess}"?`
      : ids.length === 0
        ? 'this repository has no partnerships yet: start one with `mentor init <id>`'
        : ids.length <= 12
          ? `the partnerships are: ${ids.join(', ')}`
          : 'see the list with `mentor status`';
    throw new UsageError(`unknown partnership "${id}" in ${this.root}`, hint);
  }

  /** Refuse to go through a symbolic link on the way to `relative` (it may lead out of the repository): validate's error. */
  refuseLinks(relative: string): void {
    const link = linkOnTheWay(this.root, relative);
    if (link === undefined) return;
    const found = problem('MTR006', at1(link), LINK, 'put the file or folder itself in its place');
    const report = reportOf([found], 0);
    throw new ProblemsError(`${link} is a symbolic link; nothing was read or written through it`, report);
  }
}

/** Open the repository at `root` (found by the caller) for one command. */
export function openRepository(root: string, options: RepositoryOptions = {}): Repository {
  return new Repository(root, options);
}
