import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { PartnershipSchema } from '../../src/model/partnership.js';
import { cssString } from '../../src/render/escape.js';
import { DocumentRenderer, readDress } from '../../src/render/index.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { uclg } from '../helpers/method.js';

const COMPLETE = path.join(ROOT, 'test/fixtures/complete');
const partnership = PartnershipSchema.parse(parse(readFileSync(path.join(COMPLETE, 'partnerships/johannesburg-lilongwe/partnership.yaml'), 'utf8')));

test.each([
  ['ToR · Lilongwe', 'ToR \\b7  Lilongwe'],
  ['a"b', 'a\\22 b'],
  ['</style><script>', '\\3c \\2f style\\3e \\3c script\\3e '],
  ['x\\y\nz', 'x\\5c y z'],
])('cssString(%j) cannot end a CSS string or a <style> element', (value, expected) => {
  expect(cssString(value)).toBe(expected);
});

test('a title cannot break out of the running footer of the printed page', () => {
  const html = new DocumentRenderer('html').partnership('tor', { partnership: { ...partnership, title: '"; } body { display: none } </style><script>x</script>' }, sessions: [], today: '2011-09-30', method: uclg }, 'en');
  expect(html).not.toContain('<script>');
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
  expect(style).not.toMatch(/display: none \}|<\/style|<script/);
  expect(html).toMatch(/@bottom-left \{ content: "ToR \\b7 {2}\\22 \\3b {2}\\7d {2}body/);
});

describe('branding', () => {
  test('the logo is inlined as a data: URL, the colour becomes the accent, the illustrative line is on the page', () => {
    const dress = readDress(COMPLETE, { name: 'x', illustrative: true, source: 'the article', branding: { logo: 'assets/logo.svg', colour: '#0b6e4f' } });
    expect(dress.logo).toMatch(/^data:image\/svg\+xml;base64,/);
    const html = new DocumentRenderer('html').partnership('evaluation', { partnership, sessions: [], today: '2011-09-30', method: uclg, dress }, 'fr');
    expect(html).toContain('--accent: #0b6e4f;');
    expect(html).toContain('<img src="data:image/svg+xml;base64,');
    expect(html).toContain('<p class="illustrative">Données illustratives, en partie inventées pour la démonstration : the article</p>');
  });

  test.each(['../outside.svg', '/etc/logo.svg', 'assets/../../outside.svg'])('a logo path that leaves the repository (%s) is refused', (logo) => {
    expect(() => readDress(COMPLETE, { name: 'x', branding: { logo } })).toThrow(/leaves the repository/);
  });

  test('a logo reached through a symbolic link is refused', () => {
    const root = tempDir();
    const outside = tempDir();
    writeFileSync(path.join(outside, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    symlinkSync(outside, path.join(root, 'assets'));
    expect(() => readDress(root, { name: 'x', branding: { logo: 'assets/logo.svg' } })).toThrow(/symbolic link/);
    mkdirSync(path.join(root, 'img'));
    symlinkSync(path.join(outside, 'logo.svg'), path.join(root, 'img/logo.svg'));
    expect(() => readDress(root, { name: 'x', branding: { logo: 'img/logo.svg' } })).toThrow(/symbolic link/);
  });

  test('a logo that is not an image file is refused', () => {
    expect(() => readDress(COMPLETE, { name: 'x', branding: { logo: 'mentor.yaml' } })).toThrow(/not a PNG, JPEG or SVG/);
  });
});
