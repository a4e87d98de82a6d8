import * as z from 'zod';
import { IatiSettingsSchema } from './iati.js';
import { Locale, NonEmptyText } from './primitives.js';

/** mentor.yaml: what the repository is. */
export const RepositoryConfigSchema = z
  .strictObject({
    name: NonEmptyText.describe('The name of this repository of partnerships'),
    programme: NonEmptyText.optional().describe('The mentoring programme, such as "UCLG city mentoring"'),
    locale: Locale.optional().describe('Default language of reports: en, es or fr'),
    iati: IatiSettingsSchema.optional(),
  })
  .describe('mentor.yaml: a repository of city-to-city mentoring partnerships');

export type RepositoryConfig = z.infer<typeof RepositoryConfigSchema>;
