// RFC 5545 text: escaping, folding and the VCALENDAR frame. Pure: events in, one string out.

/** One all-day event; dates are YYYY-MM-DD and `end` is exclusive (the day after the last day). */
export interface IcsEvent {
  uid: string;
  start: string;
  end: string;
  summary: string;
  description?: string;
  location?: string;
  categories?: string[];
  status?: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
  /** A due date marks a day without blocking it (TRANSP:TRANSPARENT); a session is busy time. */
  transparent?: boolean;
}

export interface IcsCalendar {
  name: string;
  /** YYYY-MM-DD: the DTSTAMP of every event, fixed so the same data gives the same bytes. */
  stamp: string;
  events: IcsEvent[];
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped; control characters dropped to "?". */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`))
    // TEXT admits no control character other than tab; a raw ESC must not reach a calendar.
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

/**
 * One content line folded at 75 octets (RFC 5545 3.1): continuation lines start with a space.
 * Never splits a UTF-8 sequence (whole code points only) nor an escape such as "\,".
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  const chars = Array.from(line);
  for (let i = 0; i < chars.length; i++) {
    // An escape and the character it escapes stay on one line.
    const unit = chars[i] === '\\' && i + 1 < chars.length ? chars[i] + chars[++i]! : chars[i]!;
    const size = Buffer.byteLength(unit, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space counts
    }
    current += unit;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** YYYY-MM-DD as an iCalendar DATE. */
function icsDate(date: string): string {
  return date.replaceAll('-', '');
}

function eventLines(event: IcsEvent, stamp: string): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${icsDate(stamp)}T000000Z`,
    `DTSTART;VALUE=DATE:${icsDate(event.start)}`,
    `DTEND;VALUE=DATE:${icsDate(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.categories && event.categories.length > 0) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
  if (event.status) lines.push(`STATUS:${event.status}`);
  lines.push(`TRANSP:${event.transparent ? 'TRANSPARENT' : 'OPAQUE'}`, 'END:VEVENT');
  return lines;
}

/** The whole calendar as RFC 5545 text: CRLF line ends, lines folded at 75 octets. */
export function formatCalendar(calendar: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//mentor//partnership calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...calendar.events.flatMap((event) => eventLines(event, calendar.stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
