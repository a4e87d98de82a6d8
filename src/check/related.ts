// MTR045: links between partnerships (a pilot and its replication) must name partnerships that
// exist. A rule across the repository: pure over one partnership's links and the set of all ids.
import type { Facts } from '../model/facts.js';
import type { Partnership } from '../model/partnership.js';
import { closest } from '../util/text.js';
import type { PathSegment } from '../model/source.js';

/** One `related[].id` of a partnership, with the path of its value in partnership.yaml. */
export interface RelatedLink {
  id: string;
  path: PathSegment[];
}

export interface RelatedFinding {
  code: 'MTR045';
  path: PathSegment[];
  message: string;
  hint: string;
}

/** The ids a partnership links to, each with its path; entries without a text id are left to the schema. */
export function relatedLinks(p: Facts<Partnership>): RelatedLink[] {
  return (Array.isArray(p.related) ? p.related : []).flatMap((link, index) => (typeof link?.id === 'string' ? [{ id: link.id, path: ['related', index, 'id'] }] : []));
}

/** MTR045 for each link to a partnership that is not among `ids` (every partnership id of the repository). */
export function checkRelated(links: readonly RelatedLink[], ids: ReadonlySet<string>): RelatedFinding[] {
  return links
    .filter((link) => !ids.has(link.id))
    .map((link) => {
      const guess = closest(link.id, ids);
      return {
        code: 'MTR045',
        path: link.path,
        message: `no partnership "${link.id}" in this repository`,
        hint: guess ? `did you mean "${guess}"?` : 'give the id of a folder under partnerships/',
      };
    });
}
