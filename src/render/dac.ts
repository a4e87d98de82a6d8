// The OECD DAC List of ODA Recipients, effective for reporting on 2024 and 2025 flows (adopted at
// the DAC's 2023 triennial review; groups by the World Bank's GNI per capita for 2022).
// "South" in mentor's directions means: on this list. Edition named so documents can cite it.
// Countries that left earlier editions are not here: Chile and Uruguay (2018), Antigua and Barbuda
// (2022), Cook Islands (2020)... A partnership whose direction was different when it ran (Rosario
// and Ciudad Sur, south-south in 2010) states its own `direction`.

export const DAC_LIST_EDITION = 'OECD DAC List of ODA Recipients, effective for reporting on 2024 and 2025 flows';

/** ISO 3166-1 alpha-2 codes, by the list's income groups. */
export const DAC_LIST = {
  leastDeveloped: [
    'AF', 'AO', 'BD', 'BF', 'BI', 'BJ', 'CD', 'CF', 'DJ', 'ER', 'ET', 'GM', 'GN', 'GW', 'HT', 'KH', 'KI', 'KM', 'LA', 'LR', 'LS', 'MG',
    'ML', 'MM', 'MR', 'MW', 'MZ', 'NE', 'NP', 'RW', 'SB', 'SD', 'SL', 'SN', 'SO', 'SS', 'ST', 'TD', 'TG', 'TL', 'TV', 'TZ', 'UG', 'YE', 'ZM',
  ],
  otherLowIncome: ['KP', 'SY'],
  lowerMiddleIncome: [
    'BO', 'BT', 'CG', 'CI', 'CM', 'CV', 'DZ', 'EG', 'FM', 'GH', 'HN', 'IN', 'IR', 'JO', 'KE', 'KG', 'LB', 'LK', 'MA', 'MN', 'NG', 'NI',
    'PG', 'PH', 'PK', 'PS', 'SZ', 'TJ', 'TK', 'TN', 'UA', 'UZ', 'VN', 'VU', 'WS', 'ZW',
  ],
  upperMiddleIncome: [
    'AL', 'AM', 'AR', 'AZ', 'BA', 'BR', 'BW', 'BY', 'BZ', 'CN', 'CO', 'CR', 'CU', 'DM', 'DO', 'EC', 'FJ', 'GA', 'GD', 'GE', 'GQ', 'GT',
    'GY', 'ID', 'IQ', 'JM', 'KZ', 'LC', 'LY', 'MD', 'ME', 'MH', 'MK', 'MS', 'MU', 'MV', 'MX', 'MY', 'NA', 'NR', 'NU', 'PA', 'PE', 'PW',
    'PY', 'RS', 'SH', 'SR', 'SV', 'TH', 'TM', 'TO', 'TR', 'VC', 'VE', 'WF', 'XK', 'ZA',
  ],
} as const;

const RECIPIENTS: ReadonlySet<string> = new Set(Object.values(DAC_LIST).flat());

/** Whether a country is on the DAC list (the "south" of mentor's directions). */
export function isOdaRecipient(country: string): boolean {
  return RECIPIENTS.has(country);
}

export type Direction = 'south-south' | 'north-south' | 'south-north' | 'north-north' | 'triangular';

/** The direction of a partnership, mentor first: stated in the data, else derived from the two countries. */
export function directionOf(stated: Direction | undefined, mentorCountry: string | undefined, menteeCountry: string | undefined): Direction | undefined {
  if (stated) return stated;
  if (!mentorCountry || !menteeCountry) return undefined;
  const side = (country: string) => (isOdaRecipient(country) ? 'south' : 'north');
  return `${side(mentorCountry)}-${side(menteeCountry)}` as Direction;
}
