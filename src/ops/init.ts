import { existsSync } from 'node:fs';
import path from 'node:path';
import { Document } from 'yaml';
import { UsageError } from '../errors.js';
import { CONFIG_FILE, DEFAULT_METHOD, partnershipFile } from '../model/layout.js';
import type { Method } from '../model/method.js';
import { firstStage } from '../roadmap/stages.js';
import { findRepoRoot } from '../store/find-repo.js';
import { assertPartnershipId } from '../store/layout.js';
import { openRepository } from '../store/repository.js';
import { createFileExclusive } from '../store/write.js';
import { builtInMethod, requireMethod } from './method.js';
import { writeSchemas } from './schema.js';

export interface PartyInput {
  name: string;
  country?: string;
  kind?: 'city' | 'association' | 'region';
}

export interface InitOptions {
  /** Where to look for the repository, and where to create one when none is found. */
  repoStart: string;
  id: string;
  mentor: PartyInput;
  mentee: PartyInput;
  title?: string;
  topic: string;
  requestedBy?: string;
  /** The request date, YYYY-MM-DD. */
  date: string;
  focus?: string[];
  locale?: 'en' | 'es' | 'fr' | 'pt';
  /** The mentoring programme, written to mentor.yaml when the repository is created here. */
  programme?: string;
}

export interface InitResult {
  root: string;
  createdRepository: boolean;
  /** Repository-relative path of the new partnership file. */
  file: string;
  text: string;
  /** The stage it starts at: the first of the repository's method. */
  stage: string;
}

export const PARTNERSHIP_SCHEMA_LINE = '# yaml-language-server: $schema=../../schema/partnership.schema.json';

/** Start a partnership at the first stage of the method (and the repository first, when there is none). */
export function initPartnership(options: InitOptions): InitResult {
  assertPartnershipId(options.id);
  if (!existsSync(path.resolve(options.repoStart))) throw new UsageError(`no such folder: ${path.resolve(options.repoStart)}`);
  let root = findRepoRoot(options.repoStart);
  // A new repository follows the default method; an existing one its own.
  const method = root === undefined ? builtInMethod(DEFAULT_METHOD) : requireMethod(openRepository(root));
  const stage = firstStage(method);
  const data = newPartnership(options, stage);
  const checked = method.schema.safeParse(data);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new UsageError(`cannot start ${options.id}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const createdRepository = root === undefined;
  root ??= createRepository(path.resolve(options.repoStart), method, options.programme);
  const file = partnershipFile(options.id);
  // Never write through a link (a linked partnerships/ may lead anywhere): the same error as validate's.
  openRepository(root).refuseLinks(file);
  const abs = path.join(root, file);
  const text = `${PARTNERSHIP_SCHEMA_LINE}\n${new Document(data).toString({ lineWidth: 0 })}`;
  try {
    createFileExclusive(abs, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(`partnership "${options.id}" already exists (${file}); refusing to overwrite it`, 'choose another id, or edit the existing file');
    }
    throw error;
  }
  return { root, createdRepository, file, text, stage };
}

function newPartnership(options: InitOptions, stage: string): Record<string, unknown> {
  const party = (p: PartyInput) => (p.name === 'tbd' ? { name: 'tbd' } : { name: p.name, kind: p.kind ?? 'city', country: p.country });
  const title = options.title ?? (options.mentor.name === 'tbd' ? `Mentoring for ${options.mentee.name}` : `${options.mentor.name} – ${options.mentee.name}`);
  const data: Record<string, unknown> = {
    id: options.id,
    title,
    mentor: party(options.mentor),
    mentee: party(options.mentee),
    stage,
    status: 'active',
    history: [{ stage, date: options.date }],
    request: { date: options.date, from: options.requestedBy ?? options.mentee.name, topic: options.topic },
  };
  if (options.focus && options.focus.length > 0) data.focus = options.focus;
  if (options.locale) data.locale = options.locale;
  return data;
}

/** The name a new repository gets: its folder's. */
export function defaultRepositoryName(dir: string): string {
  return path.basename(path.resolve(dir)) || 'partnerships';
}

function createRepository(dir: string, method: Method, programme: string | undefined): string {
  if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
  const config = { name: defaultRepositoryName(dir), ...(programme !== undefined && { programme }) };
  const text = `# yaml-language-server: $schema=schema/mentor.schema.json\n${new Document(config).toString({ lineWidth: 0 })}`;
  try {
    createFileExclusive(path.join(dir, CONFIG_FILE), text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  writeSchemas(path.join(dir, 'schema'), method);
  return dir;
}
