import { existsSync } from 'node:fs';
import path from 'node:path';
import { DataError } from '../errors.js';
import { partnershipEvents } from '../export/calendar.js';
import { formatCalendar } from '../export/ics.js';
import { partnershipPage, portfolioPage, type SiteInput } from '../export/site.js';
import { DOCUMENT_KINDS, DocumentRenderer, TemplateError, type Lang } from '../render/index.js';
import { writeFileAtomic } from '../store/write.js';
import { latestRecordedDate, readRepositoryConfig, readValidPartnerships } from './read-valid.js';

export interface SiteOptions {
  root: string;
  /** Where a relative --out is resolved. */
  cwd: string;
  /** YYYY-MM-DD: days in stage and the documents' figures are computed for this date. */
  today: string;
  /** The folder to write into (default: site). */
  out?: string;
  /** Default: the repository's language, then English. */
  locale?: Lang;
}

export interface SiteResult {
  dir: string;
  /** Absolute paths of the files written. */
  written: string[];
}

/** A static web site of the repository: the portfolio, a page per partnership with its documents and calendar. */
export function buildSite(options: SiteOptions): SiteResult {
  const sources = readValidPartnerships(options.root, [], options.today);
  const config = readRepositoryConfig(options.root);
  const lang = options.locale ?? config?.locale ?? 'en';
  const programme = config?.programme;
  const input: SiteInput = {
    name: config?.name ?? 'mentor',
    ...(programme !== undefined && { programme }),
    today: options.today,
    lang,
    partnerships: sources.map(({ partnership, sessions }) => ({ partnership, sessions: sessions.map((s) => s.session) })),
    documents: DOCUMENT_KINDS,
  };
  const own = path.join(options.root, 'templates');
  const renderer = new DocumentRenderer('html', existsSync(own) ? own : undefined);
  const files: { file: string; content: string }[] = [{ file: 'index.html', content: portfolioPage(input) }];
  sources.forEach((source, index) => {
    const { partnership } = source;
    const dir = partnership.id;
    files.push({ file: `${dir}/index.html`, content: partnershipPage(input, input.partnerships[index]!) });
    for (const kind of DOCUMENT_KINDS) {
      const document = withTemplateErrors(() =>
        renderer.partnership(kind, { partnership, sessions: input.partnerships[index]!.sessions, today: options.today, ...((programme ?? config?.name) !== undefined && { programme: (programme ?? config?.name)! }) }, lang),
      );
      files.push({ file: `${dir}/${kind}.html`, content: document });
    }
    const calendar = formatCalendar({ name: partnership.title, stamp: latestRecordedDate([source]) ?? options.today, events: partnershipEvents(source, lang, { withPartnership: false }) });
    files.push({ file: `${dir}/calendar.ics`, content: calendar });
  });
  const dir = path.resolve(options.cwd, options.out ?? 'site');
  const written = files.map(({ file, content }) => {
    const abs = path.join(dir, file);
    writeFileAtomic(abs, content);
    return abs;
  });
  return { dir, written };
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
