// Random damage of the kinds hand edits and bad merges make, for differential and property tests.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
const EXAMPLES = path.resolve(import.meta.dirname, '../../examples');

/** A small seeded PRNG (mulberry32): the same seed gives the same cases. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The text of every example data file. */
export function exampleTexts(): string[] {
  const texts: string[] = [];
  const root = path.join(EXAMPLES, 'partnerships');
  for (const id of readdirSync(root)) {
    texts.push(readFileSync(path.join(root, id, 'partnership.yaml'), 'utf8'));
    for (const f of readdirSync(path.join(root, id, 'sessions'))) texts.push(readFileSync(path.join(root, id, 'sessions', f), 'utf8'));
  }
  return texts;
}

const PUNCTUATION = [':', '-', '- ', '[', ']', '{', '}', '"', "'", '#', '&a ', '*a', '!t ', '|', '>', '? ', '%', '@', '`', ',', ': ', '\\', '\t', '~', '---', '...', '<<: '];
const ODD = ['\u00a0', '\u200b', '\u200f', '\u2028', '\ufeff', '😀', 'é', '\u0000', '\u001b', '\r', 'ǅ', '\ud800'];

/** One random damage of the kinds a hand edit or a bad merge makes. */
export function damage(text: string, rand: () => number): string {
  const lines = text.split('\n');
  const i = Math.floor(rand() * lines.length);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const line = lines[i] ?? '';
  const at = Math.floor(rand() * (line.length + 1));
  switch (Math.floor(rand() * 9)) {
    case 0:
      lines.splice(i, 1);
      break;
    case 1:
      lines.splice(i, 0, line);
      break;
    case 2:
      lines[i] = rand() < 0.5 ? ` ${line}` : line.replace(/^ /, '');
      break;
    case 3:
      lines[i] = `${line.slice(0, at)}${pick(PUNCTUATION)}${line.slice(at)}`;
      break;
    case 4:
      return text.slice(0, Math.floor(rand() * text.length));
    case 5:
      lines[i] = `${line.slice(0, at)}${pick(ODD)}${line.slice(at)}`;
      break;
    case 6:
      if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, line];
      break;
    case 7:
      lines[i] = `${' '.repeat(1 + Math.floor(rand() * 4))}${line.trimStart()}`;
      break;
    default:
      lines[i] = line.replace(/: (\S)/, (_m, c: string) => `: ${pick(['"', "'", '[', '{', '0x', '1_0', '.'])}${c}`);
  }
  return lines.join('\n');
}

