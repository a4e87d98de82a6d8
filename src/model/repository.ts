import * as z from 'zod';
import { Locale, NonEmptyText } from './primitives.js';

/** mentor.yaml: what the repository is. */
export const RepositoryConfigSchema = z
  .strictObject({
    name: NonEmptyText.describe('The name of this repository of partnerships'),
    programme: NonEmptyText.optional().describe('The mentoring programme, such as "UCLG city mentoring"'),
    locale: Locale.optional().describe('Default language of reports: en, es, fr or pt'),
    illustrative: z.boolean().optional().describe('The data is partly invented for demonstration; every document says so'),
    source: NonEmptyText.optional().describe('Where the illustrative data comes from'),
    branding: z
      .strictObject({
        logo: NonEmptyText.optional().describe('A PNG, JPEG or SVG file in the repository, inlined in documents'),
        colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'a colour is written "#rrggbb"' }).optional(),
      })
      .optional(),
  })
  .describe('mentor.yaml: a repository of city-to-city mentoring partnerships');

export type RepositoryConfig = z.infer<typeof RepositoryConfigSchema>;
