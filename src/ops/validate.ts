import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkPartnership } from '../check/partnership.js';
import { sortProblems, type Problem } from '../check/problem.js';
import { checkSchema } from '../check/schema.js';
import { UsageError } from '../errors.js';
import { RepositoryConfigSchema } from '../model/repository.js';
import { CONFIG_FILE } from '../store/find-repo.js';
import { PARTNERSHIPS_DIR } from '../store/layout.js';
import { loadPartnership, loadRepository, type PartnershipFiles } from '../store/repository.js';
import { lineText, readSource, type SourceFile } from '../store/source.js';

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

export interface ValidateResult {
  ok: boolean;
  errors: number;
  warnings: number;
  files: number;
  problems: Problem[];
  /** The source line a problem points at, for compiler-style output. */
  sourceLine: (file: string, line: number) => string;
}

/** Check a repository, or some of its files, and return every problem found. */
export function validateRepository(options: ValidateOptions): ValidateResult {
  const { root, today } = options;
  const scope = resolveScope(root, options.cwd ?? process.cwd(), options.paths ?? []);
  const problems: Problem[] = [];
  const sources = new Map<string, SourceFile>();
  const keep = (source: SourceFile | undefined) => source && sources.set(source.file, source);

  let partnerships: PartnershipFiles[];
  let files = 0;
  if (scope.everything) {
    const repo = loadRepository(root);
    problems.push(...repo.layout);
    partnerships = repo.partnerships;
    keep(repo.config);
    files++;
    problems.push(...repo.config.problems, ...checkSchema(repo.config, RepositoryConfigSchema, 'the repository settings'));
  } else {
    partnerships = [...scope.ids].map((id) => loadPartnership(root, id));
    if (scope.config) {
      const config = readSource(root, CONFIG_FILE);
      keep(config);
      files++;
      problems.push(...config.problems, ...checkSchema(config, RepositoryConfigSchema, 'the repository settings'));
    }
  }
  for (const partnership of partnerships) {
    keep(partnership.partnership);
    partnership.sessions.forEach(keep);
    files += (partnership.partnership ? 1 : 0) + partnership.sessions.length;
    problems.push(...checkPartnership(partnership, today));
  }

  const selected = scope.everything ? problems : problems.filter((p) => scope.prefixes.some((prefix) => p.file === prefix || p.file.startsWith(`${prefix}/`)));
  if (options.strict) for (const p of selected) p.severity = 'error';
  sortProblems(selected);
  const errors = selected.filter((p) => p.severity === 'error').length;
  return {
    ok: errors === 0,
    errors,
    warnings: selected.length - errors,
    files,
    problems: selected,
    sourceLine: (file, line) => {
      const source = sources.get(file);
      return source ? lineText(source, line) : '';
    },
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
