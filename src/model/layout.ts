// The file layout of a repository (SPEC section 2), shared by the code that reads it and the checks.

export const CONFIG_FILE = 'mentor.yaml';
export const PARTNERSHIPS_DIR = 'partnerships';
export const PARTNERSHIP_FILE = 'partnership.yaml';
export const SESSIONS_DIR = 'sessions';

/** <YYYY-MM-DD>-<slug>.yaml */
export const SESSION_FILE_PATTERN = /^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml$/;

/** Repository-relative path of a partnership file. */
export function partnershipFile(id: string): string {
  return `${PARTNERSHIPS_DIR}/${id}/${PARTNERSHIP_FILE}`;
}

/** Repository-relative path of a partnership's sessions folder. */
export function sessionsDir(id: string): string {
  return `${PARTNERSHIPS_DIR}/${id}/${SESSIONS_DIR}`;
}

/** The file name of a repository-relative path. */
export function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** Where a repository keeps its own method files (`mentor method init`), and the built-in ones sit in the package. */
export const METHODS_DIR = 'methods';
/** The method of a repository whose mentor.yaml names none. */
export const DEFAULT_METHOD = 'uclg';
