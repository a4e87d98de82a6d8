import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkPartnership } from '../check/partnership.js';
import { DataError, ProblemsError, UsageError } from '../errors.js';
import { reportOf } from '../model/problem.js';
import { RepositoryConfigSchema, type RepositoryConfig } from '../model/repository.js';
import type { Session } from '../model/session.js';
import { DOCUMENT_KINDS, DocumentRenderer, findBrowser, NO_BROWSER_HINT, PdfError, printPdfs, readDress, TemplateError, withContentPolicy, type DocumentKind, type Lang } from '../render/index.js';
import { linkOnTheWay } from '../store/layout.js';
import type { Repository } from '../store/repository.js';
import { writeFileAtomic } from '../store/write.js';
import { requireValid } from './checked-write.js';
import { requireMethod } from './method.js';
import { summarizeRepository } from './portfolio.js';

export type { Lang };

export const REPORT_FORMATS = ['md', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type ReportKind = DocumentKind | 'all';

export interface ReportOptions {
  /** Where a relative --out is resolved. */
  cwd: string;
  /** YYYY-MM-DD: days in stage, health warnings and "overdue" are computed for this date. */
  today: string;
  /** The partnership, or `portfolio: true` for the overview of all. */
  id?: string;
  portfolio?: boolean;
  kind: ReportKind;
  format: ReportFormat;
  /** Default: the partnership's locale, then the repository's, then English. */
  locale?: Lang;
  /** Folder to write into instead of reports/<id>/. */
  out?: string;
  /** Return the document instead of writing it (one kind only). */
  stdout?: boolean;
  /** The environment, for finding a browser to print PDF (CHROME_PATH, PATH). */
  env: Record<string, string | undefined>;
}

export interface ReportResult {
  /** Absolute paths of the files written. */
  written: string[];
  /** The document, with `stdout`. */
  output?: string | Buffer;
  /** Things worth telling the user that do not stop the rendering (a programme not named, say). */
  notes: string[];
}

/** Render the documents of a partnership, or the portfolio, and write them (or return one); PDF is printed by one browser for all. */
export async function renderReport(repo: Repository, options: ReportOptions): Promise<ReportResult> {
  const browser = options.format === 'pdf' ? requireBrowser(options.env) : undefined;
  const config = repositoryConfig(repo);
  const documents = options.portfolio ? await renderPortfolio(repo, options, config) : renderPartnership(repo, options, config);
  // Every HTML document carries the content policy, a repository's own template too.
  if (options.format !== 'md') for (const document of documents) document.content = withContentPolicy(document.content as string);
  if (browser) {
    const pdfs = await printedPdfs(browser, documents.map((d) => d.content as string), options.today);
    documents.forEach((document, i) => (document.content = pdfs[i]!));
  }
  const notes = programmeNotes(config);
  if (options.stdout) return { written: [], output: documents[0]!.content, notes };
  const written = documents.map(({ file, content }) => {
    writeFileAtomic(file, content);
    return file;
  });
  return { written, notes };
}

interface Document {
  file: string;
  content: string | Buffer;
}

function renderPartnership(repo: Repository, options: ReportOptions, config: RepositoryConfig | undefined): Document[] {
  const { today, id } = options;
  const root = repo.root;
  if (options.portfolio) throw new UsageError('--portfolio renders every partnership: give no partnership id with it');
  if (id === undefined) throw new UsageError('which partnership? give its id, or --portfolio for all of them', 'mentor report <id>');
  repo.requirePartnership(id);
  const kinds: DocumentKind[] = options.kind === 'all' ? [...DOCUMENT_KINDS] : [options.kind];
  if (options.stdout && kinds.length > 1) throw new UsageError('--stdout prints one document: choose it with --kind tor, roadmap or evaluation');

  const method = requireMethod(repo);
  const folder = repo.folder(id);
  const check = checkPartnership(folder, today, method);
  const partnership = requireValid(folder, check, 'no report is rendered from invalid data');
  const sessions = check.sessions as { file: string; session: Session }[];
  const lang = options.locale ?? partnership.locale ?? config?.locale ?? 'en';
  // The subtitle is the programme the repository names (mentor.yaml `programme`), never a folder name.
  const programme = config?.programme;
  const dress = readDress(root, config);
  const renderer = createRenderer(root, options.format);
  const dir = options.out !== undefined ? path.resolve(options.cwd, options.out) : defaultOutput(root, `reports/${id}`);
  return kinds.map((kind) => {
    const html = withTemplateErrors(() => renderer.partnership(kind, { partnership, sessions, today, method, dress, ...(programme !== undefined && { programme }) }, lang));
    return { file: path.join(dir, `${kind}.${options.format}`), content: html };
  });
}

async function renderPortfolio(repo: Repository, options: ReportOptions, config: RepositoryConfig | undefined): Promise<Document[]> {
  const { today } = options;
  const root = repo.root;
  if (options.id !== undefined) throw new UsageError('--portfolio renders every partnership: give no partnership id with it');
  const lang = options.locale ?? config?.locale ?? 'en';
  const renderer = createRenderer(root, options.format);
  const method = requireMethod(repo);
  const { summaries, unreadable } = await summarizeRepository(repo, today, undefined, method);
  if (unreadable.errors > 0) {
    throw new ProblemsError(`partnerships/ holds ${unreadable.errors === 1 ? 'an entry' : `${unreadable.errors} entries`} that cannot be read as a partnership; no portfolio is rendered without ${unreadable.errors === 1 ? 'it' : 'them'}`, unreadable);
  }
  const dress = readDress(root, config);
  const text = withTemplateErrors(() => renderer.portfolio(summaries, config?.programme, today, lang, method, dress));
  const dir = options.out !== undefined ? path.resolve(options.cwd, options.out) : defaultOutput(root, 'reports');
  return [{ file: path.join(dir, `portfolio.${options.format}`), content: text }];
}

function createRenderer(root: string, format: ReportFormat): DocumentRenderer {
  refuseLink(root, 'templates', 'mentor does not read templates through links in a repository', 'replace the link by the folder itself');
  const own = path.join(root, 'templates');
  return withTemplateErrors(() => new DocumentRenderer(format === 'md' ? 'md' : 'html', existsSync(own) ? own : undefined));
}

/**
 * The folder reports go to when the person gave no --out: inside the repository, never through a
 * link (a linked reports/ or reports/<id> in a repository someone else prepared could send the files
 * anywhere). A path typed with --out is the person's own choice and is honoured anywhere.
 */
function defaultOutput(root: string, relative: string): string {
  refuseLink(root, relative, 'mentor does not write reports through links in a repository', 'replace the link by a folder, or choose where the files go with --out <dir>');
  return path.join(root, ...relative.split('/'));
}

/** A data error naming the link on the way to `relative` inside the repository, if there is one. */
function refuseLink(root: string, relative: string, why: string, hint: string): void {
  const link = linkOnTheWay(root, relative);
  if (link !== undefined) throw new DataError(`${link} is a symbolic link; ${why}`, hint);
}

/** Documents print the programme under their titles; without one they show none, and say how to fix it. */
function programmeNotes(config: RepositoryConfig | undefined): string[] {
  if (!config || config.programme !== undefined) return [];
  return ['mentor.yaml names no programme, so the documents show none under their titles: add a line such as `programme: UCLG city mentoring` to mentor.yaml'];
}

/**
 * The repository's settings, when mentor.yaml is valid (validate reports it otherwise). A file that
 * cannot be read at all (a disk error) stops the rendering: documents are not made without it.
 */
function repositoryConfig(repo: Repository): RepositoryConfig | undefined {
  const source = repo.config();
  const unreadable = source.problems.filter((p) => p.code === 'MTR006');
  if (unreadable.length > 0) {
    throw new ProblemsError(`${source.file} cannot be read; no document is rendered without it`, reportOf(unreadable, 1));
  }
  const parsed = RepositoryConfigSchema.safeParse(source.data);
  return parsed.success ? parsed.data : undefined;
}

function requireBrowser(env: Record<string, string | undefined>): string {
  const browser = findBrowser(env);
  if (browser) return browser;
  const given = env.CHROME_PATH;
  throw new UsageError(given ? `CHROME_PATH is set to ${given}, which is not an executable file` : 'no Chromium or Chrome found to print the PDF', NO_BROWSER_HINT);
}

/** The browser's failures are about this machine or the document, not a bug of mentor: exit 1 with its words. */
async function printedPdfs(browser: string, documents: string[], today: string): Promise<Buffer[]> {
  try {
    return await printPdfs(browser, documents, today);
  } catch (error) {
    if (error instanceof PdfError) throw new DataError(error.message, error.hint);
    throw error;
  }
}

/** A repository's own template that fails is a problem of its data (exit 1); a built-in one is a bug. */
export function withTemplateErrors<T>(render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (error instanceof TemplateError && error.overridden) {
      throw new DataError(`the repository's template failed: ${error.message}`, 'fix it, or delete it to use the built-in template');
    }
    throw error;
  }
}
