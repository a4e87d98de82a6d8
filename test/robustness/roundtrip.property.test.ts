// Property: random valid partnerships and sessions survive a write and a read unchanged: written as
// mentor writes them (the yaml Document, exclusive create, atomic replace, spliced edits), read back
// by both parsers (the js-yaml fast path and the positioned parser), in LF, CRLF and with a BOM.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { Document, parseDocument, type Scalar } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { PartnershipSchema } from '../../src/model/partnership.js';
import { SessionSchema } from '../../src/model/session.js';
import { PARTNERSHIP_SCHEMA_LINE } from '../../src/ops/init.js';
import { addSession } from '../../src/ops/session.js';
import { applyYamlEdit } from '../../src/store/edit.js';
import { openRepository } from '../../src/store/repository.js';
import { parseSource, readSource } from '../../src/store/source.js';
import { createFileExclusive, writeFileAtomic } from '../../src/store/write.js';
import { copyTree, EXAMPLES } from '../helpers/cli.js';
import { date, partnership, session, text } from './arbitraries.js';
import { cases, Figures, SEED } from './figures.js';
import { leftovers } from './support.js';

const figures = new Figures('2-roundtrip');
const SECTION = '2. Property: valid data survives a write and a read';

const root = mkdtempSync(path.join(os.tmpdir(), 'mentor-roundtrip-'));
copyTree(EXAMPLES, root);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** The data of a file as each parser reads it; both must agree and report no problem. */
function readBoth(rel: string): unknown {
  const fast = readSource(root, rel, { fastPath: true });
  const positioned = readSource(root, rel, { fastPath: false });
  expect(fast.problems).toEqual([]);
  expect(positioned.problems).toEqual([]);
  expect(fast.data).toEqual(positioned.data);
  return positioned.data;
}

/** The text as `init` writes a partnership: a schema line for editors, then the Document. */
const asMentorWrites = (data: unknown) => `${PARTNERSHIP_SCHEMA_LINE}\n${new Document(data).toString({ lineWidth: 0 })}`;

let serial = 0;

describe('valid partnerships', () => {
  it('created exclusively, then replaced atomically: read back unchanged by both parsers, and valid', () => {
    fc.assert(
      fc.property(partnership, fc.constantFrom('LF', 'CRLF', 'BOM and CRLF'), (data, endings) => {
        const rel = `partnerships/roundtrip-${serial++}/partnership.yaml`;
        const abs = path.join(root, rel);
        let written = asMentorWrites(data);
        if (endings !== 'LF') written = written.replace(/\n/g, '\r\n');
        if (endings === 'BOM and CRLF') written = `\uFEFF${written}`;
        createFileExclusive(abs, written);
        expect(readBoth(rel)).toEqual(data);
        expect(PartnershipSchema.safeParse(data).success).toBe(true);
        // Replaced by itself (a rewrite changes nothing), then by a copy with a changed title.
        writeFileAtomic(abs, written);
        expect(readFileSync(abs, 'utf8')).toBe(written);
        const changed = { ...data, title: `${String(data.title)} (revised)` };
        writeFileAtomic(abs, asMentorWrites(changed));
        expect(readBoth(rel)).toEqual(changed);
        expect(leftovers(path.dirname(abs))).toEqual([]);
        figures.count(SECTION, 'random valid partnerships: write, read, replace, read', `read back unchanged (${endings})`);
        rmSync(path.dirname(abs), { recursive: true });
      }),
      { seed: SEED, numRuns: cases(20, 3000) },
    );
  });

  it('spliced edits (set a scalar, append a history entry with a random note) read back exactly as edited', () => {
    fc.assert(
      fc.property(partnership, text, date, fc.constantFrom('LF', 'CRLF'), (data, note, when, endings) => {
        let before = asMentorWrites(data);
        if (endings === 'CRLF') before = before.replace(/\n/g, '\r\n');
        const entry = { status: 'suspended', date: when, reason: note };
        const after = applyYamlEdit(before, { set: [[['status'], 'suspended'], [['title'], note]], append: [[['history'], entry]] });
        const expected = { ...data, status: 'suspended', title: note, history: [...(data.history as unknown[]), entry] };
        const read = parseSource('p.yaml', after);
        expect(read.problems).toEqual([]);
        expect(read.data).toEqual(expected);
        // Lines the edit did not touch are kept byte for byte, in order.
        const doc = parseDocument(before);
        const touched = (key: string) => {
          const node = doc.get(key, true) as Scalar;
          return [before.lastIndexOf('\n', node.range![0]) + 1, node.range![1]] as const;
        };
        let kept = before;
        for (const [start, end] of [touched('status'), touched('title')].sort((a, b) => b[0] - a[0])) kept = `${kept.slice(0, start)}${kept.slice(end)}`;
        const lines = kept.split(/\r?\n/).filter((line) => line.trim() !== '');
        let from = 0;
        for (const line of lines) {
          const at = after.indexOf(line, from);
          expect(at, `line ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(0);
          from = at + line.length;
        }
        figures.count(SECTION, 'random spliced edits (status, title, history entry)', 'read back as edited');
      }),
      { seed: SEED, numRuns: cases(40, 3000) },
    );
  });
});

describe('valid sessions', () => {
  it('logged with `session add` (the real write path): the new file reads back as given, by both parsers', () => {
    fc.assert(
      fc.property(session, (data) => {
        // The session must not come before the partnership's request (2010-03-29 in durban-mzuzu).
        const given = { ...data, date: String(data.date) < '2010-03-29' ? '2010-03-29' : data.date };
        expect(SessionSchema.safeParse(given).success).toBe(true);
        const result = addSession(openRepository(root), { id: 'durban-mzuzu', session: given, today: '2011-03-31' });
        expect(readBoth(result.file)).toEqual(given);
        expect(leftovers(path.join(root, 'partnerships/durban-mzuzu'))).toEqual([]);
        figures.count(SECTION, 'random valid sessions: session add, read', 'read back unchanged');
        rmSync(path.join(root, result.file));
      }),
      { seed: SEED, numRuns: cases(20, 3000) },
    );
  });

  it('files written by hand with CRLF and a byte-order mark read the same as with LF', () => {
    fc.assert(
      fc.property(session, (data) => {
        const rel = 'partnerships/durban-mzuzu/sessions/2011-01-01-by-hand.yaml';
        const lf = new Document(data).toString({ lineWidth: 0 });
        writeFileSync(path.join(root, rel), `\uFEFF${lf.replace(/\n/g, '\r\n')}`);
        expect(readBoth(rel)).toEqual(data);
        figures.count(SECTION, 'random valid sessions with a BOM and CRLF', 'read back unchanged');
        rmSync(path.join(root, rel));
      }),
      { seed: SEED, numRuns: cases(30, 1000) },
    );
  });
});
