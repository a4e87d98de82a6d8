import * as z from 'zod';
import { Locale, NonEmptyText } from './primitives.js';

/** mentor.yaml: what the repository is. */
export const RepositoryConfigSchema = z
  .strictObject({
    name: NonEmptyText.describe('The name of this repository of partnerships'),
    programme: NonEmptyText.optional().describe('The mentoring programme, such as "UCLG city mentoring"'),
    locale: Locale.optional().describe('Default language of reports: en, es or fr'),
    method: NonEmptyText.optional().describe('The method partnerships follow: a built-in name (uclg, the default, or eu-twinning) or a path in the repository, such as methods/uclg.yaml'),
  })
  .describe('mentor.yaml: a repository of city-to-city mentoring partnerships');

export type RepositoryConfig = z.infer<typeof RepositoryConfigSchema>;
