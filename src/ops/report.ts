import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkPartnership } from '../check/partnership.js';
import { DataError, UsageError } from '../errors.js';
import { PartnershipSchema } from '../model/partnership.js';
import { RepositoryConfigSchema, type RepositoryConfig } from '../model/repository.js';
import { SessionSchema } from '../model/session.js';
import { DOCUMENT_KINDS, DocumentRenderer, findBrowser, NO_BROWSER_HINT, PdfError, printPdfs, TemplateError, withContentPolicy, type DocumentKind, type Lang } from '../render/index.js';
import { CONFIG_FILE } from '../store/find-repo.js';
import { assertPartnershipId, linkOnTheWay, listPartnershipIds, PARTNERSHIPS_DIR } from '../store/layout.js';
import { loadPartnership } from '../store/repository.js';
import { readSource } from '../store/source.js';
import { writeFileAtomic } from '../store/write.js';
import { summarizeRepository, summarizeRepositoryParallel, type PartnershipSummary } from './portfolio.js';

export const REPORT_FORMATS = ['md', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type ReportKind = DocumentKind | 'all';

export interface ReportOptions {
  root: string;
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
  /** The portfolio's summaries, when computed already (on every core, by renderReportParallel). */
  summaries?: PartnershipSummary[];
}

export interface ReportResult {
  /** Absolute paths of the files written. */
  written: string[];
  /** The document, with `stdout`. */
  output?: string | Buffer;
}

/**
 * renderReport for every format: the portfolio's summaries computed on every core for a large
 * repository, and PDF printed by the browser (which is asynchronous).
 */
export async function renderReportParallel(options: ReportOptions, speed: { threads?: number; fastPath?: boolean }): Promise<ReportResult> {
  const summaries = options.portfolio && options.id === undefined && !options.summaries ? await summarizeRepositoryParallel(options.root, options.today, speed) : options.summaries;
  const full = { ...options, ...(summaries && { summaries }) };
  const documents = renderDocuments(full);
  if (options.format === 'pdf') {
    const pdfs = await printedPdfs(requireBrowser(options.env), documents.map((d) => d.content as string), options.today);
    documents.forEach((document, i) => (document.content = pdfs[i]!));
  }
  return deliver(full, documents);
}

/** Render the documents of a partnership, or the portfolio, as Markdown or HTML, and write them (or return one). */
export function renderReport(options: ReportOptions): ReportResult {
  if (options.format === 'pdf') throw new Error('renderReport renders md and html; PDF is printed by renderReportParallel');
  return deliver(options, renderDocuments(options));
}

function renderDocuments(options: ReportOptions): Document[] {
  const documents = options.portfolio ? renderPortfolio(options) : renderPartnership(options);
  // Every HTML document carries the content policy, a repository's own template too.
  if (options.format !== 'md') for (const document of documents) document.content = withContentPolicy(document.content as string);
  return documents;
}

function deliver(options: ReportOptions, documents: Document[]): ReportResult {
  if (options.stdout) return { written: [], output: documents[0]!.content };
  const written = documents.map(({ file, content }) => {
    writeFileAtomic(file, content);
    return file;
  });
  return { written };
}

/** The browser's failure is the machine's problem, said in the browser's words (exit 1), not a bug. */
async function printedPdfs(browser: string, documents: string[], today: string): Promise<Buffer[]> {
  try {
    return await printPdfs(browser, documents, today);
  } catch (error) {
    if (error instanceof PdfError) throw new DataError(error.message, error.hint);
    throw error;
  }
}

interface Document {
  file: string;
  content: string | Buffer;
}

function renderPartnership(options: ReportOptions): Document[] {
  const { root, today, id } = options;
  if (options.portfolio) throw new UsageError('--portfolio renders every partnership: give no partnership id with it');
  if (id === undefined) throw new UsageError('which partnership? give its id, or --portfolio for all of them', 'mentor report <id>');
  assertPartnershipId(id);
  if (!existsSync(path.join(root, PARTNERSHIPS_DIR, id))) {
    const known = listPartnershipIds(root);
    throw new UsageError(`unknown partnership "${id}"`, known.length > 0 ? `the partnerships are: ${known.join(', ')}` : 'this repository has no partnerships yet');
  }
  const kinds: DocumentKind[] = options.kind === 'all' ? [...DOCUMENT_KINDS] : [options.kind];
  if (options.stdout && kinds.length > 1) throw new UsageError('--stdout prints one document: choose it with --kind tor, roadmap or evaluation');

  const files = loadPartnership(root, id);
  const errors = checkPartnership(files, today).filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new DataError(
      `partnership "${id}" has ${errors.length} validation error${errors.length === 1 ? '' : 's'}; no report is rendered from invalid data`,
      `\`mentor validate ${PARTNERSHIPS_DIR}/${id}\` shows why`,
    );
  }
  const partnership = PartnershipSchema.parse(files.partnership!.data);
  const sessions = files.sessions.map((s) => SessionSchema.parse(s.data));
  const config = repositoryConfig(root);
  const lang = options.locale ?? partnership.locale ?? config?.locale ?? 'en';
  const programme = config?.programme ?? config?.name;
  if (options.format === 'pdf') requireBrowser(options.env);
  const renderer = createRenderer(root, options.format);
  const dir = options.out !== undefined ? path.resolve(options.cwd, options.out) : defaultOutput(root, `reports/${id}`);
  return kinds.map((kind) => {
    const html = withTemplateErrors(() => renderer.partnership(kind, { partnership, sessions, today, ...(programme !== undefined && { programme }) }, lang));
    return { file: path.join(dir, `${kind}.${options.format}`), content: html };
  });
}

function renderPortfolio(options: ReportOptions): Document[] {
  const { root, today } = options;
  if (options.id !== undefined) throw new UsageError('--portfolio renders every partnership: give no partnership id with it');
  const config = repositoryConfig(root);
  const lang = options.locale ?? config?.locale ?? 'en';
  if (options.format === 'pdf') requireBrowser(options.env);
  const renderer = createRenderer(root, options.format);
  const summaries = options.summaries ?? summarizeRepository(root, today);
  const text = withTemplateErrors(() => renderer.portfolio(summaries, config?.programme ?? config?.name, today, lang));
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

/** The repository's settings, when mentor.yaml is valid (validate reports it otherwise). */
function repositoryConfig(root: string): RepositoryConfig | undefined {
  const parsed = RepositoryConfigSchema.safeParse(readSource(root, CONFIG_FILE).data);
  return parsed.success ? parsed.data : undefined;
}

function requireBrowser(env: Record<string, string | undefined>): string {
  const browser = findBrowser(env);
  if (browser) return browser;
  const given = env.CHROME_PATH;
  throw new UsageError(given ? `CHROME_PATH is set to ${given}, which is not an executable file` : 'no Chromium or Chrome found to print the PDF', NO_BROWSER_HINT);
}

/** A repository's own template that fails is a problem of its data (exit 1); a built-in one is a bug. */
function withTemplateErrors<T>(render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (error instanceof TemplateError && error.overridden) {
      throw new DataError(`the repository's template failed: ${error.message}`, 'fix it, or delete it to use the built-in template');
    }
    throw error;
  }
}
