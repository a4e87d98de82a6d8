import * as z from 'zod';
import { IatiSettingsSchema } from './iati.js';
import { MISSING_KEY } from './partnership.js';
import { Colour, Locale, NonEmptyText, RepositoryPath } from './primitives.js';

const Branding = z.strictObject({
  logo: RepositoryPath.optional().describe('A logo for documents: a path in the repository'),
  colour: Colour.optional().describe('The accent colour of documents, "#rrggbb"'),
});

/** mentor.yaml: what the repository is. */
export const RepositoryConfigSchema = z
  .strictObject({
    name: NonEmptyText.describe('The name of this repository of partnerships'),
    programme: NonEmptyText.optional().describe('The mentoring programme, printed under every document title, such as "UCLG city mentoring"'),
    locale: Locale.optional().describe('Default language of reports: en, es, fr or pt'),
    method: NonEmptyText.optional().describe('The method partnerships follow: a built-in name (uclg, the default, or eu-twinning) or a path in the repository, such as methods/uclg.yaml'),
    illustrative: z.boolean().optional().describe('true when the data is partly invented for demonstration; every document then says so'),
    source: NonEmptyText.optional().describe('Where the facts that are not invented come from (required with illustrative: true)'),
    branding: Branding.optional().describe('Logo and colour of documents'),
    iati: IatiSettingsSchema.optional(),
  })
  .superRefine((config, ctx) => {
    if (config.illustrative === true && config.source === undefined) {
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'missing required key "source": an illustrative repository names where its facts come from', params: { code: MISSING_KEY } });
    }
  })
  .describe('mentor.yaml: a repository of city-to-city mentoring partnerships');

export type RepositoryConfig = z.infer<typeof RepositoryConfigSchema>;
