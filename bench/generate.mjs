// Generate a synthetic mentor repository, deterministically from a seed, modelled on the examples:
// every partnership is a copy of one of the six example partnerships with every field varied
// (ids, names, countries, dates, amounts, targets), and about ten sessions drawn from the
// example sessions, re-dated and re-titled. Used by `npm run bench` and the differential tests.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

const EXAMPLES = new URL('../examples/', import.meta.url).pathname;
const COUNTRIES = ['ZA', 'MW', 'AR', 'CL', 'NA', 'KE', 'NO', 'BR', 'MZ', 'TZ', 'UG', 'ZM', 'ZW', 'BW', 'EC', 'PE', 'BO', 'CO', 'MX', 'SN', 'GH', 'SE', 'ES', 'FR'];
const PLACES = ['Lilongwe', 'Johannesburg', 'Rosario', 'Durban', 'Mzuzu', 'Blantyre', 'Ekurhuleni', 'Mombasa', 'Bergen', 'Windhoek', 'Zomba', 'Kisumu', 'Nakuru', 'Maputo', 'Beira', 'Lusaka', 'Ndola', 'Harare', 'Bulawayo', 'Gaborone', 'Quito', 'Cuenca', 'Arequipa', 'Cochabamba', 'Medellín', 'Rosario', 'Córdoba', 'Dakar', 'Kumasi'];

/** A small seeded PRNG (mulberry32): the same seed gives the same repository. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function loadExamples() {
  const root = path.join(EXAMPLES, 'partnerships');
  const partnerships = [];
  const sessions = [];
  for (const id of readdirSync(root).sort()) {
    partnerships.push(parse(readFileSync(path.join(root, id, 'partnership.yaml'), 'utf8')));
    const dir = path.join(root, id, 'sessions');
    for (const file of readdirSync(dir).sort()) sessions.push(parse(readFileSync(path.join(dir, file), 'utf8')));
  }
  return { partnerships, sessions };
}

const DAY = 86_400_000;
const shift = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const isDate = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Shift every date in a value by `days`, and vary its free text a little. */
function vary(value, days, tag) {
  if (Array.isArray(value)) return value.map((v) => vary(v, days, tag));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, vary(v, days, tag)]));
  if (isDate(value)) return shift(value, days);
  return value;
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const slug = (s) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Write a repository of `count` partnerships into `dir`; returns the number of files written. */
export function generateRepository(dir, count, seed = 42, sessionsEach = 10) {
  const rand = random(seed);
  const { partnerships, sessions } = loadExamples();
  mkdirSync(path.join(dir, 'partnerships'), { recursive: true });
  writeFileSync(path.join(dir, 'mentor.yaml'), `name: Synthetic portfolio ${count}\nprogramme: Benchmark\nlocale: en\n`);
  let files = 1;
  // The copy last made of each example: a copy's links to another example (a phase 2 to its pilot)
  // go to that example's latest copy, so the repository has no broken links, as a kept one has none.
  const latestCopy = new Map();
  for (let i = 0; i < count; i++) {
    const base = partnerships[i % partnerships.length];
    const mentorPlace = pick(rand, PLACES);
    const menteePlace = pick(rand, PLACES);
    const id = `${slug(mentorPlace)}-${slug(menteePlace)}-${String(i).padStart(6, '0')}`;
    const days = Math.floor(rand() * 3650) - 1800;
    const p = vary(base, days, i);
    p.id = id;
    if (Array.isArray(p.related)) {
      p.related = p.related.filter((link) => latestCopy.has(link.id)).map((link) => ({ ...link, id: latestCopy.get(link.id) }));
      if (p.related.length === 0) delete p.related;
    }
    latestCopy.set(base.id, id);
    p.title = `${mentorPlace} – ${menteePlace}: ${base.title.split(/[–:]/).pop().trim()} (${i})`;
    p.mentor = { ...p.mentor, name: `City of ${mentorPlace}`, country: pick(rand, COUNTRIES) };
    p.mentee = { ...p.mentee, name: `${menteePlace} City Council`, country: pick(rand, COUNTRIES) };
    if (p.request) p.request.from = p.mentee.name;
    for (const f of p.funding ?? []) if (f.amount !== undefined) f.amount = Math.round(rand() * 500_000); // in kind may have none
    const dirOf = path.join(dir, 'partnerships', id);
    mkdirSync(path.join(dirOf, 'sessions'), { recursive: true });
    writeFileSync(path.join(dirOf, 'partnership.yaml'), `# yaml-language-server: $schema=../../schema/partnership.schema.json\n${stringify(p, { lineWidth: 0 })}`);
    files++;
    const targetIds = (p.targets ?? []).map((t) => t.id);
    const start = p.history.find((h) => h.stage === 'mentoring')?.date ?? p.request.date;
    const n = Math.max(1, sessionsEach + Math.floor(rand() * 5) - 2);
    for (let k = 0; k < n; k++) {
      const s = structuredClone(pick(rand, sessions));
      const date = shift(start, Math.floor((k * 400) / n) + Math.floor(rand() * 20));
      const length = s.end ? Math.max(0, Math.round((Date.parse(s.end) - Date.parse(s.date)) / DAY)) : 0;
      s.date = date;
      if (s.end) s.end = shift(date, length);
      s.title = `${s.title.replace(/\s*\(\d+\)$/, '')} (${k + 1})`;
      s.level = rand() < 0.75 ? 'technical' : 'political';
      if (s.targets) {
        if (targetIds.length === 0) delete s.targets;
        else s.targets = [pick(rand, targetIds)];
      }
      for (const a of s.actions ?? []) a.due = shift(date, 30 + Math.floor(rand() * 60));
      for (const c of s.costs ?? []) c.amount = Math.round(rand() * 20_000);
      writeFileSync(path.join(dirOf, 'sessions', `${date}-${slug(s.title)}.yaml`), `# yaml-language-server: $schema=../../../schema/session.schema.json\n${stringify(s, { lineWidth: 0 })}`);
      files++;
    }
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count = '1000', seed = '42'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bench/generate.mjs <dir> [count] [seed]');
    process.exitCode = 2;
  } else {
    const files = generateRepository(path.resolve(dir), Number(count), Number(seed));
    console.log(`${files} files in ${dir}`);
  }
}
