import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkPartnership } from '../check/partnership.js';
import { sortProblems, type Problem, type ProblemReport } from '../check/problem.js';
import { checkSchema } from '../check/schema.js';
import { UsageError } from '../errors.js';
import { RepositoryConfigSchema } from '../model/repository.js';
import { CONFIG_FILE } from '../store/find-repo.js';
import { PARTNERSHIPS_DIR } from '../store/layout.js';
import { listPartnershipFolders, loadPartnership } from '../store/repository.js';
import { readSource, sourceLine, type SourceFile } from '../store/source.js';
import { runInWorkers, threadCount, type Progress } from './workers.js';

export interface ValidateOptions {
  root: string;
  /** Files or folders to check, relative to `cwd`; all of the repository when empty. */
  paths?: readonly string[];
  cwd?: string;
  /** YYYY-MM-DD: the date health warnings are computed for. */
  today: string;
  /** Warnings count as errors. */
  strict?: boolean;
}

export type ValidateResult = ProblemReport;

/** What checking some partnership folders found: the problems, and the text of each file they are in. */
export interface FolderFindings {
  problems: Problem[];
  /** Text of the files with problems, for the source line under each message. */
  texts: Record<string, string>;
  files: number;
}

/**
 * Check partnership folders one at a time, keeping only their problems (and the text of the files
 * they are in), so memory stays flat however large the repository.
 */
export function checkFolders(root: string, ids: readonly string[], today: string, onProgress?: Progress): FolderFindings {
  const findings: FolderFindings = { problems: [], texts: {}, files: 0 };
  for (const [index, id] of ids.entries()) {
    if (onProgress && index % 50 === 0) onProgress(index, ids.length);
    const folder = loadPartnership(root, id);
    const sources = [folder.partnership, ...folder.sessions].filter((s): s is SourceFile => s !== undefined);
    findings.files += sources.length;
    const problems = checkPartnership(folder, today);
    if (problems.length === 0) continue;
    findings.problems.push(...problems);
    const withProblems = new Set(problems.map((p) => p.file));
    for (const source of sources) if (withProblems.has(source.file)) findings.texts[source.file] = source.text;
  }
  return findings;
}

/** The ids of the partnerships to check, and the problems of the repository's own layout. */
function partnershipsInScope(root: string, scope: Scope): { ids: string[]; layout: Problem[] } {
  if (!scope.everything) return { ids: [...scope.ids], layout: [] };
  const { ids, layout } = listPartnershipFolders(root);
  return { ids, layout };
}

function checkConfig(root: string, findings: FolderFindings): void {
  const config = readSource(root, CONFIG_FILE);
  findings.files++;
  const problems = [...config.problems, ...checkSchema(config, RepositoryConfigSchema, 'the repository settings')];
  if (problems.length > 0) findings.texts[config.file] = config.text;
  findings.problems.push(...problems);
}

/**
 * Check a repository on every core (worker threads), falling back to this thread for small
 * repositories or when running from sources; the result is the same either way.
 */
export async function validateRepositoryParallel(
  options: ValidateOptions & { threads?: number; fastPath?: boolean; onProgress?: Progress },
): Promise<ValidateResult> {
  const scope = resolveScope(options.root, options.cwd ?? process.cwd(), options.paths ?? []);
  const { ids, layout } = partnershipsInScope(options.root, scope);
  const job = { kind: 'check' as const, root: options.root, today: options.today, fastPath: options.fastPath ?? true };
  const parts = await runInWorkers<FolderFindings>(job, ids, threadCount(options.threads), options.onProgress);
  const findings: FolderFindings = parts
    ? { problems: parts.flatMap((p) => p.problems), texts: Object.assign({}, ...parts.map((p) => p.texts)), files: parts.reduce((n, p) => n + p.files, 0) }
    : checkFolders(options.root, ids, options.today, options.onProgress);
  findings.problems.push(...layout);
  return finish(options, scope, findings);
}

/** Check a repository, or some of its files, and return every problem found. */
export function validateRepository(options: ValidateOptions): ValidateResult {
  const scope = resolveScope(options.root, options.cwd ?? process.cwd(), options.paths ?? []);
  const { ids, layout } = partnershipsInScope(options.root, scope);
  const findings = checkFolders(options.root, ids, options.today);
  findings.problems.push(...layout);
  return finish(options, scope, findings);
}

function finish(options: ValidateOptions, scope: Scope, findings: FolderFindings): ValidateResult {
  if (scope.everything || scope.config) checkConfig(options.root, findings);
  const selected = scope.everything
    ? findings.problems
    : findings.problems.filter((p) => scope.prefixes.some((prefix) => p.file === prefix || p.file.startsWith(`${prefix}/`)));
  if (options.strict) for (const p of selected) p.severity = 'error';
  sortProblems(selected);
  const errors = selected.filter((p) => p.severity === 'error').length;
  return {
    ok: errors === 0,
    errors,
    warnings: selected.length - errors,
    files: findings.files,
    problems: selected,
    sourceLine: (file, line) => sourceLine(findings.texts[file] ?? '', line),
  };
}

interface Scope {
  everything: boolean;
  config: boolean;
  ids: Set<string>;
  /** Repository-relative files or folders whose problems are reported. */
  prefixes: string[];
}

function resolveScope(root: string, cwd: string, paths: readonly string[]): Scope {
  const scope: Scope = { everything: paths.length === 0, config: false, ids: new Set(), prefixes: [] };
  for (const given of paths) {
    const abs = path.resolve(cwd, given);
    const rel = path.relative(root, abs).split(path.sep).join('/');
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${given} is outside the repository at ${root}`);
    if (!existsSync(abs)) throw new UsageError(`no such file or folder: ${given}`);
    if (rel === '' || rel === PARTNERSHIPS_DIR) {
      scope.everything = true;
      continue;
    }
    if (rel === CONFIG_FILE) {
      scope.config = true;
      scope.prefixes.push(rel);
      continue;
    }
    const parts = rel.split('/');
    if (parts[0] !== PARTNERSHIPS_DIR || parts[1] === undefined) {
      throw new UsageError(`${given} is not a partnership file or folder`, `mentor checks ${CONFIG_FILE} and the files under ${PARTNERSHIPS_DIR}/`);
    }
    scope.ids.add(parts[1]);
    scope.prefixes.push(rel);
  }
  return scope;
}
