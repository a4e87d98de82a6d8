// Long JSON documents written in pieces (see writePieces in io.ts): a document of 100,000
// problems or 10,000 partnerships is never one string.

/** An item of a list as JSON.stringify(document, null, 2) lays it out at a depth of 2, without its indent. */
const stringifyItem = (item: unknown): string =>
  // JSON text holds no raw line break inside a string: every one is the layout's, to indent.
  (JSON.stringify(item, null, 2) ?? 'null').replace(/\n/g, '\n    ');

/**
 * JSON.stringify({ ...head, [key]: items }, null, 2) and a line end, in pieces of `per` items.
 * The key comes last, as in the whole. `write` lays out one item (without the indent of its first
 * line); a faster one for a known shape must give what JSON.stringify gives (its tests hold that).
 */
export function* jsonListPieces<T>(head: Record<string, unknown>, key: string, items: readonly T[], per = 500, write: (item: T) => string = stringifyItem): Generator<string> {
  const opening = JSON.stringify(head, null, 2);
  // "{}" for an empty head, else "{\n  ...\n}": the list follows the head's last member.
  const before = opening === '{}' ? '{\n' : `${opening.slice(0, -2)},\n`;
  if (items.length === 0) {
    yield `${before}  ${JSON.stringify(key)}: []\n}\n`;
    return;
  }
  let piece = `${before}  ${JSON.stringify(key)}: [\n`;
  for (const [index, item] of items.entries()) {
    piece += `    ${write(item)}${index === items.length - 1 ? '\n' : ',\n'}`;
    if ((index + 1) % per === 0) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}  ]\n}\n`;
}
