// Long JSON documents written in pieces (see writePieces in io.ts): a document of 100,000
// problems or 10,000 partnerships is never one string.
import { inPieces } from './io.js';

/** Stands, in a document given to jsonDocumentPieces, for the list it writes in pieces. */
export const LIST = '\u0000the list written in pieces\u0000';

/** A value as JSON.stringify(value, null, 2) lays it out where its lines continue at `indent`, without the indent of its first line. */
export const jsonLayout = (value: unknown, indent: string): string =>
  // JSON text holds no raw line break inside a string: every one is the layout's, to indent.
  (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, `\n${indent}`);

/**
 * JSON.stringify(document, null, 2) and a line end, where `document` holds LIST once, as the value
 * of a key, in place of `items`: the items come `per` to a piece. `write` lays out one item at its
 * depth (its later lines at `indent`, its first without); a faster one for a known shape must give
 * what JSON.stringify gives (its tests hold that).
 */
export function* jsonDocumentPieces<T>(document: unknown, items: readonly T[], per = 500, write: (item: T, indent: string) => string = jsonLayout): Generator<string> {
  const text = JSON.stringify(document, null, 2);
  const marker = JSON.stringify(LIST);
  const at = text.indexOf(marker);
  if (at === -1 || text.indexOf(marker, at + 1) !== -1) throw new Error('jsonDocumentPieces: the document must hold LIST exactly once');
  const keyIndent = /^ */.exec(text.slice(text.lastIndexOf('\n', at) + 1))![0];
  const indent = `${keyIndent}  `;
  const before = text.slice(0, at);
  const after = `${text.slice(at + marker.length)}\n`;
  if (items.length === 0) {
    yield `${before}[]${after}`;
    return;
  }
  const last = items.length - 1;
  yield* inPieces(items, per, (item, index) => `${indent}${write(item, indent)}${index === last ? '\n' : ',\n'}`, `${before}[\n`, `${keyIndent}]${after}`);
}

/**
 * JSON.stringify({ ...head, [key]: items }, null, 2) and a line end, in pieces of `per` items.
 * The key comes last, as in the whole. `write` lays out one item as jsonDocumentPieces says.
 */
export function jsonListPieces<T>(head: Record<string, unknown>, key: string, items: readonly T[], per = 500, write?: (item: T, indent: string) => string): Generator<string> {
  return jsonDocumentPieces({ ...head, [key]: LIST }, items, per, write);
}
