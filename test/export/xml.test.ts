import { describe, expect, test } from 'vitest';
import { el, escapeAttribute, escapeXml, xmlDocument } from '../../src/export/xml.js';

describe('escapeXml', () => {
  test.each([
    ['plain', 'plain'],
    ['A & B', 'A &amp; B'],
    ['<script>', '&lt;script&gt;'],
    [']]>', ']]&gt;'],
    ['"quoted" and \'single\'', '"quoted" and \'single\''],
    ['bell\u0007 esc\u001b nul\u0000', 'bell? esc? nul?'],
    ['tab\tand\nnewline', 'tab\tand\nnewline'],
    ['cr\r\n', 'cr&#13;\n'],
    ['lone \ud800 surrogate', 'lone ? surrogate'],
    ['emoji 🏙️ kept', 'emoji 🏙️ kept'],
    ['\ufffe\uffff', '??'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});

test('escapeAttribute also escapes the quote and the white space a parser would flatten', () => {
  expect(escapeAttribute('a "b"\n\tc & <d>')).toBe('a &quot;b&quot;&#10;&#9;c &amp; &lt;d&gt;');
});

test('xmlDocument: declaration, two-space indentation, empty elements closed, undefined attributes left out', () => {
  expect(xmlDocument(el('a', { x: 1, y: undefined }, [el('b', {}, 'text'), el('c', { z: 'q"' })]))).toBe(
    '<?xml version="1.0" encoding="UTF-8"?>\n<a x="1">\n  <b>text</b>\n  <c z="q&quot;"/>\n</a>\n',
  );
});
