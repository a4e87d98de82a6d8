import path from 'node:path';
import { problem, type Problem } from '../check/problem.js';
import { isSlug } from '../model/constants.js';
import { CONFIG_FILE } from './find-repo.js';
import { linkOnTheWay, listDir, PARTNERSHIP_FILE, PARTNERSHIPS_DIR, SESSION_FILE_PATTERN, SESSIONS_DIR } from './layout.js';
import { readSource, type SourceFile } from './source.js';

/** One partnership folder as read from disk. */
export interface PartnershipFiles {
  /** The folder name. */
  id: string;
  partnership?: SourceFile;
  sessions: SourceFile[];
  /** Problems of the folder's layout: links, bad names, missing or stray files. */
  layout: Problem[];
}

export interface RepositoryFiles {
  config: SourceFile;
  partnerships: PartnershipFiles[];
  layout: Problem[];
}

const at1 = (file: string) => ({ file, line: 1, column: 1 });

/** Read one partnership folder: its partnership.yaml and every session file. */
export function loadPartnership(root: string, id: string): PartnershipFiles {
  const dir = `${PARTNERSHIPS_DIR}/${id}`;
  const files: PartnershipFiles = { id, sessions: [], layout: [] };
  const link = linkOnTheWay(root, dir);
  if (link !== undefined) {
    files.layout.push(problem('MTR006', at1(link), 'a symbolic link; mentor does not follow links in a repository', 'move the folder itself here'));
    return files;
  }
  let sawPartnershipFile = false;
  for (const entry of listDir(path.join(root, dir))) {
    const file = `${dir}/${entry.name}`;
    if (entry.name === PARTNERSHIP_FILE) {
      sawPartnershipFile = true;
      files.partnership = readSource(root, file);
    } else if (entry.name === SESSIONS_DIR) {
      if (entry.isSymbolicLink()) files.layout.push(problem('MTR006', at1(file), 'the sessions folder is a symbolic link; mentor does not follow links in a repository'));
      else if (entry.isDirectory()) loadSessions(root, `${dir}/${SESSIONS_DIR}`, files);
    } else if (/\.ya?ml$/.test(entry.name)) {
      files.layout.push(
        problem('MTR024', at1(file), `"${entry.name}" is not read by mentor`, `a partnership folder holds ${PARTNERSHIP_FILE} and a ${SESSIONS_DIR}/ folder`),
      );
    }
  }
  if (!sawPartnershipFile) {
    files.layout.push(problem('MTR021', at1(dir), `the partnership folder "${id}" has no ${PARTNERSHIP_FILE}`, `create it with \`mentor init ${id}\`, or remove the folder`));
  }
  return files;
}

function loadSessions(root: string, dir: string, files: PartnershipFiles): void {
  for (const entry of listDir(path.join(root, dir))) {
    const file = `${dir}/${entry.name}`;
    if (entry.name.startsWith('.')) continue;
    if (!/\.ya?ml$/i.test(entry.name)) continue; // minutes, photos and other attachments may sit beside sessions
    if (!SESSION_FILE_PATTERN.test(entry.name)) {
      files.layout.push(
        problem('MTR022', at1(file), `"${entry.name}" is not named <YYYY-MM-DD>-<slug>.yaml`, 'rename it after its date and title, like 2009-02-17-first-contact-session.yaml'),
      );
    }
    if (entry.isSymbolicLink() || entry.isFile()) files.sessions.push(readSource(root, file));
  }
}

/** Read the whole repository: mentor.yaml and every partnership folder. */
export function loadRepository(root: string): RepositoryFiles {
  const { ids, layout } = listPartnershipFolders(root);
  return { config: readSource(root, CONFIG_FILE), partnerships: ids.map((id) => loadPartnership(root, id)), layout };
}

/** The partnership folders of a repository, and the problems of the folders that cannot be one. */
export function listPartnershipFolders(root: string): { ids: string[]; layout: Problem[] } {
  const layout: Problem[] = [];
  const ids: string[] = [];
  if (linkOnTheWay(root, PARTNERSHIPS_DIR) !== undefined) {
    layout.push(problem('MTR006', at1(PARTNERSHIPS_DIR), 'a symbolic link; mentor does not follow links in a repository', 'move the partnerships folder itself here'));
    return { ids, layout };
  }
  for (const entry of listDir(path.join(root, PARTNERSHIPS_DIR))) {
    const file = `${PARTNERSHIPS_DIR}/${entry.name}`;
    if (entry.name.startsWith('.')) continue;
    if (entry.isSymbolicLink()) {
      layout.push(problem('MTR006', at1(file), 'a symbolic link; mentor does not follow links in a repository', 'move the partnership folder itself here'));
    } else if (entry.isDirectory()) {
      if (!isSlug(entry.name)) {
        layout.push(
          problem('MTR021', at1(file), `the folder name "${entry.name}" is not a valid partnership id`, 'rename it to a lowercase slug, like "johannesburg-lilongwe"'),
        );
      }
      ids.push(entry.name);
    }
  }
  return { ids, layout };
}
