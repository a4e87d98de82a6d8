import * as z from 'zod';
import { NonEmptyText } from './primitives.js';

/** IATI OrganisationType codes (the non-embedded code list, as of standard 2.03). */
export const IATI_ORGANISATION_TYPES = {
  '10': 'Government',
  '11': 'Local Government',
  '15': 'Other Public Sector',
  '21': 'International NGO',
  '22': 'National NGO',
  '23': 'Regional NGO',
  '24': 'Partner Country based NGO',
  '30': 'Public Private Partnership',
  '40': 'Multilateral',
  '60': 'Foundation',
  '70': 'Private Sector',
  '71': 'Private Sector in Provider Country',
  '72': 'Private Sector in Aid Recipient Country',
  '73': 'Private Sector in Third Country',
  '80': 'Academic, Training and Research',
  '90': 'Other',
} as const;

const CODES = Object.keys(IATI_ORGANISATION_TYPES).map(Number) as [number, ...number[]];

/** Written as a number, `type: 40`, as the code list prints it. */
const OrganisationType = z.literal(CODES);

/**
 * An IATI organisation identifier: the registration agency's prefix (org-id.guide), a hyphen, the
 * number it gave. No spaces or slashes: it becomes the first part of every activity's iati-identifier.
 */
const OrganisationRef = z
  .string()
  .regex(/^[A-Za-z]{2}-[A-Za-z0-9._:-]*[A-Za-z0-9]$/, { error: "an IATI organisation identifier: the registration agency's prefix (see org-id.guide), a hyphen and the number it gave, with no spaces or slashes" });

export const IatiSettingsSchema = z
  .strictObject({
    reporting_org: z
      .strictObject({
        ref: OrganisationRef.describe("The publisher's IATI organisation identifier: the registration agency's prefix (org-id.guide), a hyphen, the number"),
        name: NonEmptyText.describe('The name of the publisher'),
        type: OrganisationType.describe(`IATI OrganisationType code: ${Object.entries(IATI_ORGANISATION_TYPES).map(([code, name]) => `${code} ${name}`).join(', ')}`),
      })
      .describe('The organisation that publishes the IATI data'),
  })
  .describe('Settings of `mentor export iati`');

export type IatiSettings = z.infer<typeof IatiSettingsSchema>;
