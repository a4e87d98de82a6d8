import type { Repository } from '../store/repository.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { partnershipEvents } from '../export/calendar.js';
import { formatCalendar } from '../export/ics.js';
import { partnershipPage, portfolioPage, type SiteInput } from '../export/site.js';
import { DOCUMENT_KINDS, DocumentRenderer, LANGS, type Lang } from '../render/index.js';
import type { Method } from '../model/method.js';
import { writeFileAtomic } from '../store/write.js';
import { requireMethod } from './method.js';
import { withTemplateErrors } from './report.js';
import { latestRecordedDate, readRepositoryConfig, readValidPartnerships, type ValidPartnership } from './read-valid.js';

export interface SiteOptions {
  /** Where a relative --out is resolved. */
  cwd: string;
  /** YYYY-MM-DD: days in stage and the documents' figures are computed for this date. */
  today: string;
  /** The folder to write into (default: site). */
  out?: string;
  /** The one language of the site; default: every language, the repository's first. */
  locale?: Lang;
}

export interface SiteResult {
  dir: string;
  /** Absolute paths of the files written. */
  written: string[];
}

/**
 * A static web site of the repository: the portfolio, a page per partnership with its documents and
 * calendar. In `locale` alone when given; otherwise in every language, the repository's at the top
 * and the others in <lang>/ folders.
 */
export function buildSite(repo: Repository, options: SiteOptions): SiteResult {
  const method = requireMethod(repo);
  const sources = readValidPartnerships(repo, [], options.today, method);
  const config = readRepositoryConfig(repo);
  const top = options.locale ?? config?.locale ?? 'en';
  const languages: Lang[] = options.locale ? [options.locale] : [top, ...LANGS.filter((l) => l !== top)];
  const own = path.join(repo.root, 'templates');
  const renderer = new DocumentRenderer('html', existsSync(own) ? own : undefined);
  const files = languages.flatMap((lang) =>
    sitePages(sources, renderer, { today: options.today, lang, languages, name: config?.name ?? 'mentor', programme: config?.programme, method }).map(({ file, content }) => ({
      file: lang === top ? file : `${lang}/${file}`,
      content,
    })),
  );
  const dir = path.resolve(options.cwd, options.out ?? 'site');
  const written = files.map(({ file, content }) => {
    const abs = path.join(dir, file);
    writeFileAtomic(abs, content);
    return abs;
  });
  return { dir, written };
}

/** The files of the site in one language, paths relative to that language's top folder. */
function sitePages(
  sources: ValidPartnership[],
  renderer: DocumentRenderer,
  settings: { today: string; lang: Lang; languages: Lang[]; name: string; programme: string | undefined; method: Method },
): { file: string; content: string }[] {
  const { today, lang, programme } = settings;
  const input: SiteInput = {
    name: settings.name,
    ...(programme !== undefined && { programme }),
    today,
    lang,
    languages: settings.languages,
    partnerships: sources.map(({ partnership, sessions }) => ({ partnership, sessions: sessions.map((s) => s.session) })),
    documents: DOCUMENT_KINDS,
    method: settings.method,
  };
  const files = [{ file: 'index.html', content: portfolioPage(input) }];
  sources.forEach((source, index) => {
    const { partnership } = source;
    const item = input.partnerships[index]!;
    files.push({ file: `${partnership.id}/index.html`, content: partnershipPage(input, item) });
    for (const kind of DOCUMENT_KINDS) {
      const documentInput = { partnership, sessions: source.sessions, today, method: settings.method, ...((programme ?? settings.name) !== undefined && { programme: programme ?? settings.name }) };
      files.push({ file: `${partnership.id}/${kind}.html`, content: withTemplateErrors(() => renderer.partnership(kind, documentInput, lang)) });
    }
    const events = partnershipEvents(source, lang, { withPartnership: false });
    files.push({ file: `${partnership.id}/calendar.ics`, content: formatCalendar({ name: partnership.title, stamp: latestRecordedDate([source]) ?? today, events }) });
  });
  return files;
}

export type { Lang };
