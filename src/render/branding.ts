// mentor.yaml's branding and illustrative line, read once for every document. A logo is a file of
// the repository inlined as a data: URL (documents make no requests); a path that leaves the
// repository or passes through a link is refused, since it could carry any file of the machine
// into a document sent to funders.
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { DataError } from '../errors.js';
import type { RepositoryConfig } from '../model/repository.js';
import type { Dress } from './parts.js';

const LOGO_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml' };
const LOGO_MAX_BYTES = 512 * 1024;

/** The dress of a repository's documents, from its settings. */
export function readDress(root: string, config: RepositoryConfig | undefined): Dress {
  const branding = config?.branding;
  return {
    ...(branding?.colour !== undefined && { colour: branding.colour }),
    ...(branding?.logo !== undefined && { logo: readLogo(root, branding.logo) }),
    ...(config?.illustrative === true && { illustrative: config.source ?? '' }),
  };
}

function readLogo(root: string, logo: string): string {
  const where = `mentor.yaml branding.logo "${logo}"`;
  const type = LOGO_TYPES[path.extname(logo).toLowerCase()];
  if (!type) throw new DataError(`${where} is not a PNG, JPEG or SVG file`, 'name a .png, .jpg or .svg file in the repository');
  if (path.isAbsolute(logo) || logo.split(/[\\/]/).includes('..')) {
    throw new DataError(`${where} leaves the repository`, 'give a path inside the repository, such as assets/logo.svg');
  }
  const base = realpathSync(root);
  const file = path.join(base, logo);
  // Every step of the path must be a real folder or file of the repository, never a link.
  let step = base;
  for (const part of path.relative(base, file).split(path.sep)) {
    step = path.join(step, part);
    let stat;
    try {
      stat = lstatSync(step);
    } catch {
      throw new DataError(`${where} does not exist`, 'add the file, or remove branding.logo');
    }
    if (stat.isSymbolicLink()) throw new DataError(`${where} passes through a symbolic link`, 'mentor does not follow links in a repository: copy the file in');
  }
  const bytes = readFileSync(file);
  if (bytes.length > LOGO_MAX_BYTES) throw new DataError(`${where} is larger than 512 KB`, 'use a smaller image');
  return `data:${type};base64,${bytes.toString('base64')}`;
}
