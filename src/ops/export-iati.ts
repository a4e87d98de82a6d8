import type { Repository } from '../store/repository.js';
import path from 'node:path';
import { DataError, UsageError } from '../errors.js';
import { iatiActivities, iatiActivity } from '../export/iati.js';
import { xmlDocument } from '../export/xml.js';
import type { IatiSettings } from '../model/iati.js';
import type { RepositoryConfig } from '../model/repository.js';
import { LANGS, type Lang } from '../render/format.js';
import { writeFileAtomic } from '../store/write.js';
import { requireMethod } from './method.js';
import { checkRepositoryConfig, latestRecordedDate, readValidPartnerships } from './read-valid.js';

export interface ExportIatiOptions {
  /** Where a relative --out is resolved. */
  cwd: string;
  /** YYYY-MM-DD: the date the partnerships are checked for. */
  today: string;
  /** The partnerships to export; every one when empty. */
  ids: string[];
  /** YYYY-MM-DD for the generated and last-updated times; default: the latest date recorded in the data. */
  asOf?: string;
  /** File to write; the XML is returned instead when absent. */
  out?: string;
}

export interface ExportIatiResult {
  activities: number;
  written?: string;
  output?: string;
}

export const IATI_SETUP_HINT =
  'add to mentor.yaml: iati: {reporting_org: {ref: <the publisher\'s IATI organisation identifier: agency prefix from org-id.guide, hyphen, number>, name: <the publisher>, type: <IATI organisation type code, such as 40 for multilateral>}}';

/** IATI 2.03 activity XML of the given partnerships (or all), published by mentor.yaml's iati.reporting_org. */
export function exportIati(repo: Repository, options: ExportIatiOptions): ExportIatiResult {
  const { settings, config } = iatiSettings(repo);
  const method = requireMethod(repo);
  const sources = readValidPartnerships(repo, options.ids, options.today, method);
  if (sources.length === 0) throw new UsageError('this repository has no partnerships to export', 'start one with `mentor init <id>`');
  const activities = sources.map((source) => {
    const p = source.partnership;
    const lang = p.locale ?? config.locale ?? 'en';
    return iatiActivity({
      partnership: p,
      settings,
      lang,
      langs: languagesOf(lang, config.locale, (p.agreement as { languages?: string[] } | undefined)?.languages),
      programme: config.programme ?? config.name,
      lastUpdated: options.asOf ?? latestRecordedDate([source])!,
      method,
    });
  });
  const text = xmlDocument(iatiActivities(activities, options.asOf ?? latestRecordedDate(sources)!));
  if (options.out === undefined) return { activities: activities.length, output: text };
  const file = path.resolve(options.cwd, options.out);
  writeFileAtomic(file, text);
  return { activities: activities.length, written: file };
}

/** mentor.yaml's iati block: absent is a usage error naming what to add; invalid is a data error. */
function iatiSettings(repo: Repository): { settings: IatiSettings; config: RepositoryConfig } {
  const { data, config, issues } = checkRepositoryConfig(repo);
  const hasBlock = typeof data === 'object' && data !== null && 'iati' in data;
  if (!hasBlock) throw new UsageError('mentor.yaml has no "iati" block, which names the publisher of IATI data', IATI_SETUP_HINT);
  if (!config?.iati) {
    const where = issues.map((issue) => `${issue.path.join('.') || 'mentor.yaml'}: ${issue.message}`).join('; ');
    throw new DataError(`mentor.yaml fails its schema (${where})`, '`mentor validate` shows where');
  }
  return { settings: config.iati, config };
}

/** The data's language first, then the repository's and the agreement's, each once. */
function languagesOf(lang: Lang, repository: Lang | undefined, agreement: readonly string[] | undefined): Lang[] {
  const known = (l: string | undefined): l is Lang => (LANGS as readonly string[]).includes(l ?? '');
  return [...new Set([lang, repository, ...(agreement ?? [])].filter(known))];
}
