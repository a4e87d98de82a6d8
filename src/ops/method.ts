// The repository's method: named in mentor.yaml (a built-in name or a path in the repository),
// read and checked once per command, then passed down to every check, move and document.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { checkMethod } from '../check/method.js';
import { EXIT, MentorError, ProblemsError, UsageError } from '../errors.js';
import { CONFIG_FILE, DEFAULT_METHOD, METHODS_DIR } from '../model/layout.js';
import type { Method } from '../model/method.js';
import { partnershipSchemaFor } from '../model/method-schema.js';
import { keepSourceLines, problem, reportOf, sortProblems, sourceLineOf, type Problem, type SourceLines } from '../model/problem.js';
import type { SourceFile } from '../model/source.js';
import { applyYamlEdit } from '../store/edit.js';
import { builtInMethodNames, isMethodPath, readBuiltInMethod } from '../store/methods.js';
import { checkedAtBuild } from './method-snapshot.js';
import { createFileExclusive, replaceFile } from '../store/write.js';
import { findRepoRoot } from '../store/find-repo.js';
import { openRepository, type Repository, type RepositoryOptions } from '../store/repository.js';
import { closest } from '../util/text.js';

/** A method as loaded: the method when its file has no error, every problem found, and the lines they point at. */
export interface MethodLoad {
  method?: Method;
  /** What mentor.yaml names: a built-in name or a path in the repository. */
  name: string;
  problems: Problem[];
  lines: SourceLines;
}

/** The `method:` mentor.yaml names, or the default when it names none (or cannot be read). */
export function methodName(repo: Repository): string {
  const data = repo.config().data as { method?: unknown } | null | undefined;
  return typeof data?.method === 'string' && data.method.trim() !== '' ? data.method.trim() : DEFAULT_METHOD;
}

/** Read and check the repository's method. */
export function loadMethod(repo: Repository): MethodLoad {
  const name = methodName(repo);
  let source: SourceFile;
  if (isMethodPath(name)) {
    const file = path.posix.normalize(name.replace(/\\/g, '/'));
    if (path.posix.isAbsolute(file) || file === '..' || file.startsWith('../')) {
      return missing(repo, name, `"${name}" is outside the repository`, `keep the method file in the repository, such as ${METHODS_DIR}/<name>.yaml`);
    }
    repo.refuseLinks(file);
    if (!existsSync(path.join(repo.root, file))) {
      return missing(repo, name, `"${name}" is not a file of the repository`, `create it with \`mentor method init <name>\`, or name a built-in method: ${builtInMethodNames().join(', ')}`);
    }
    source = repo.read(file);
  } else {
    const names = builtInMethodNames();
    if (!names.includes(name)) {
      const guess = closest(name, names);
      return missing(repo, name, `"${name}" is not a built-in method`, guess ? `did you mean "${guess}"?` : `the built-in methods are: ${names.join(', ')}; a file of the repository is named by its path, such as ${METHODS_DIR}/${name}.yaml`);
    }
    const checked = checkedAtBuild(name);
    if (checked) return { name, problems: [], lines: {}, method: { ...checked, builtIn: true, schema: partnershipSchemaFor(checked) } };
    source = readBuiltInMethod(name);
  }
  const { method, problems } = checkMethod(source);
  if (method && !isMethodPath(name)) method.builtIn = true;
  const lines: SourceLines = {};
  keepSourceLines(lines, source.file, source.text, problems);
  return { name, problems, lines, ...(method && { method }) };
}

function missing(repo: Repository, name: string, message: string, hint: string): MethodLoad {
  const config = repo.config();
  const found = problem('MTR086', { file: CONFIG_FILE, ...config.locate(['method']) }, message, hint);
  const lines: SourceLines = {};
  keepSourceLines(lines, CONFIG_FILE, config.text, [found]);
  return { name, problems: [found], lines };
}

/** The repository's method; a broken method file is refused with its problems, since nothing can be checked against it. */
export function requireMethod(repo: Repository): Method {
  const load = loadMethod(repo);
  if (load.method) return load.method;
  const errors = sortProblems(load.problems.filter((p) => p.severity === 'error'));
  const report = reportOf(errors, 1, sourceLineOf(load.lines));
  throw new ProblemsError(`the method "${load.name}" has ${errors.length} error${errors.length === 1 ? '' : 's'}; no partnership can be checked against it`, report, 'fix it first (`mentor validate` shows the same)');
}

/** A built-in method, for `method init` and tests; a name mentor lacks is a usage error. */
export function builtInMethod(name: string): Method {
  const names = builtInMethodNames();
  if (!names.includes(name)) {
    const guess = closest(name, names);
    throw new UsageError(`"${name}" is not a built-in method`, guess ? `did you mean "${guess}"?` : `the built-in methods are: ${names.join(', ')}`);
  }
  const source = readBuiltInMethod(name);
  // A disk that fails under mentor's own file is this machine's trouble, not a broken method: exit 2.
  const unreadable = source.problems.find((p) => p.code === 'MTR006');
  if (unreadable) throw new MentorError(`cannot read mentor's built-in method ${name}: ${unreadable.message}`, EXIT.usage, 'check the installation and the disk, then run the command again');
  const { method, problems } = checkMethod(source);
  if (!method) throw new Error(`the built-in method ${name} is broken: ${problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('; ')}`);
  return { ...method, builtIn: true };
}

/** The method of the repository found from `start`, or the default method where there is none (`mentor schema` works anywhere). */
export function methodAt(start: string, options: RepositoryOptions = {}): Method {
  const root = findRepoRoot(start);
  return root === undefined ? builtInMethod(DEFAULT_METHOD) : requireMethod(openRepository(root, options));
}

/** What `mentor method init` did. */
export interface MethodInitResult {
  /** Repository-relative path of the method file written. */
  file: string;
  /** What mentor.yaml said before (`undefined`: no method, so the default). */
  previous?: string;
}

/**
 * Copy a built-in method into the repository (methods/<name>.yaml) for the programme to edit, and
 * name it in mentor.yaml. Refuses to overwrite a file that is there already.
 */
export function initMethod(repo: Repository, name: string): MethodInitResult {
  builtInMethod(name); // a usage error for a name mentor lacks
  const file = `${METHODS_DIR}/${name}.yaml`;
  repo.refuseLinks(file);
  const abs = path.join(repo.root, file);
  const text = readBuiltInMethod(name).text;
  mkdirSync(path.dirname(abs), { recursive: true });
  try {
    createFileExclusive(abs, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(`${file} already exists; refusing to overwrite it`, `edit it, or remove it first; mentor.yaml names it with method: ${file}`);
    }
    throw error;
  }
  const config = repo.config();
  const previous = (config.data as { method?: unknown } | null)?.method;
  replaceFile(path.join(repo.root, CONFIG_FILE), applyYamlEdit(config.text, { set: [[['method'], file]] }), config.text);
  return { file, ...(typeof previous === 'string' && { previous }) };
}
