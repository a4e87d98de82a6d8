// fast-check arbitraries for the robustness properties: damage to valid files as a list of edits
// (so a failure shrinks to the fewest, smallest edits), and random valid partnerships and sessions.

import fc from 'fast-check';
import { COUNTRY_CODES } from '../../src/model/primitives.js';

/** One edit of the kinds hand edits and bad merges make; positions are fractions of the text. */
export type DamageOp =
  | { kind: 'delete-line' | 'duplicate-line' | 'swap-lines'; at: number }
  | { kind: 'indent'; at: number; by: number }
  | { kind: 'insert'; at: number; column: number; text: string }
  | { kind: 'truncate'; at: number };

/** YAML punctuation and the tokens that change what a line means. */
export const PUNCTUATION = [':', ': ', '-', '- ', '[', ']', '{', '}', '"', "'", '#', ' #', '&a ', '*a', '!t ', '!!str ', '|', '>', '? ', '%', '@', '`', ',', '\\', '\t', '~', '---', '...', '<<: ', '%YAML 1.1\n'];
/** Odd Unicode: invisible, bidirectional, line-breaking, astral, combining and lone surrogates. */
export const ODD_UNICODE = ['\u00a0', '\u200b', '\u200d', '\u200f', '\u202e', '\u2028', '\u2029', '\ufeff', '\u0085', '😀', 'e\u0301', 'ǅ', '\ud800', '\udfff', '\u0000', '\u001b[2J', '\r', '\u3000', '\ufffd', 'ﷺ'];

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

export const damageOp: fc.Arbitrary<DamageOp> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete-line' as const, 'duplicate-line' as const, 'swap-lines' as const), at: fraction }),
  fc.record({ kind: fc.constant('indent' as const), at: fraction, by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fraction, column: fraction, text: fc.oneof(fc.constantFrom(...PUNCTUATION), fc.constantFrom(...ODD_UNICODE), fc.string({ maxLength: 4 })) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
);

/** Apply the edits in order. */
export function applyDamage(text: string, ops: readonly DamageOp[]): string {
  let result = text;
  for (const op of ops) {
    if (op.kind === 'truncate') {
      result = result.slice(0, Math.floor(op.at * result.length));
      continue;
    }
    const lines = result.split('\n');
    const i = Math.floor(op.at * lines.length);
    const line = lines[i] ?? '';
    switch (op.kind) {
      case 'delete-line':
        lines.splice(i, 1);
        break;
      case 'duplicate-line':
        lines.splice(i, 0, line);
        break;
      case 'swap-lines':
        if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, line];
        break;
      case 'indent':
        lines[i] = op.by >= 0 ? `${' '.repeat(op.by)}${line}` : line.replace(new RegExp(`^ {0,${-op.by}}`), '');
        break;
      case 'insert': {
        const at = Math.floor(op.column * (line.length + 1));
        lines[i] = `${line.slice(0, at)}${op.text}${line.slice(at)}`;
        break;
      }
    }
    result = lines.join('\n');
  }
  return result;
}

// ---- Random valid data -------------------------------------------------------------------------

/** Text a person might type: letters of several scripts, punctuation that means something in YAML, Markdown or HTML. */
const CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', ' ', ' ', ' ', ...'éñçøßłžğİ', ...'мирأهلا中文', ...':#-[]{}"\'|>&*!%@`,?\\<>_~=$()+;/', '😀', '\u00a0'];
const word = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 24 }).map((chars) => chars.join(''));
/** A non-empty text, trimmed (data files hold no empty texts), sometimes of several lines. */
export const text: fc.Arbitrary<string> = fc
  .oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: fc.array(word, { minLength: 2, maxLength: 3 }).map((w) => w.join('\n')) })
  .map((t) => t.trim())
  .filter((t) => t.length > 0);

/** A calendar date between 2000 and 2029 (the 29th of February only in leap years). */
export const date: fc.Arbitrary<string> = fc
  .record({ y: fc.integer({ min: 2000, max: 2029 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const slugWord = fc.stringMatching(/^[a-z0-9]{1,8}$/);
export const slug: fc.Arbitrary<string> = fc.array(slugWord, { minLength: 1, maxLength: 3 }).map((w) => w.join('-'));

const country = fc.constantFrom(...COUNTRY_CODES);
const party = fc.record(
  {
    name: text,
    kind: fc.constantFrom('city', 'association', 'region'),
    country,
    lga: text,
    contacts: fc.array(fc.record({ name: text, role: text, email: fc.constantFrom('a@example.org', 'planning.office@city.example.net') }, { requiredKeys: ['name', 'role'] }), { maxLength: 2 }),
  },
  { requiredKeys: ['name', 'kind', 'country'] },
);

/**
 * A valid partnership at stage "request" with random optional sections: what `init` and hand edits
 * write before the first move. Its dates are on or after the request.
 */
export const partnership: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    id: slug,
    title: text,
    mentor: party,
    mentee: party,
    requested: date,
    from: text,
    topic: text,
    focus: fc.option(fc.array(text, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    locale: fc.option(fc.constantFrom('en', 'es', 'fr'), { nil: undefined }),
    risks: fc.option(fc.array(fc.record({ risk: text, mitigation: text }, { requiredKeys: ['risk'] }), { minLength: 1, maxLength: 2 }), { nil: undefined }),
    funding: fc.option(fc.array(fc.record({ funder: text, amount: fc.integer({ min: 0, max: 1_000_000 }), currency: fc.constantFrom('EUR', 'USD', 'ZAR', 'MWK', 'NOK') }), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  })
  .map((p) => {
    const data: Record<string, unknown> = {
      id: p.id,
      title: p.title,
      mentor: p.mentor,
      mentee: p.mentee,
      stage: 'request',
      status: 'active',
      history: [{ stage: 'request', date: p.requested }],
      request: { date: p.requested, from: p.from, topic: p.topic },
    };
    if (p.focus) data.focus = p.focus;
    if (p.locale) data.locale = p.locale;
    if (p.risks) data.risks = p.risks;
    if (p.funding) data.funding = p.funding;
    return data;
  });

/** A valid session with random optional fields. */
export const session: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    date,
    title: text,
    type: fc.constantFrom('contact', 'technical-visit', 'study-visit', 'workshop', 'political-visit', 'remote'),
    level: fc.constantFrom('technical', 'political'),
    host: fc.constantFrom('mentor', 'mentee', 'other', 'remote'),
    location: text,
    participants: fc.array(fc.record({ name: text, organisation: text, role: text, side: fc.constantFrom('mentor', 'mentee', 'lga', 'programme', 'other') }), { minLength: 1, maxLength: 3 }),
    topics: fc.array(text, { minLength: 1, maxLength: 3 }),
    outcomes: fc.array(text, { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: ['date', 'title', 'type', 'level', 'host'] },
);
