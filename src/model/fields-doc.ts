// docs/fields.md, written from the exported JSON Schemas (themselves derived from the zod schemas
// and their descriptions), so the reference cannot drift from what `validate` accepts.
import { jsonSchemaOf, type SchemaFileName } from './json-schema.js';
import type { Method } from './method.js';

type Node = {
  type?: string | string[];
  enum?: unknown[];
  description?: string;
  properties?: Record<string, Node>;
  required?: string[];
  items?: Node;
  anyOf?: Node[];
  format?: string;
  pattern?: string;
};

const FILES: { name: SchemaFileName; file: string }[] = [
  { name: 'mentor.schema.json', file: 'mentor.yaml' },
  { name: 'partnership.schema.json', file: 'partnerships/<id>/partnership.yaml' },
  { name: 'session.schema.json', file: 'partnerships/<id>/sessions/<YYYY-MM-DD>-<slug>.yaml' },
];

/** Enumerations longer than this are counted in the table, not listed. */
const LONGEST_LISTED_ENUM = 12;

const DATE_PATTERN = /^\^\(\?:\(\?:\\d\\d\[2468\]/;

/** The kind of value a schema node holds, in a few words. */
function kindOf(node: Node): string {
  if (node.anyOf) return node.anyOf.map(kindOf).join(' or ');
  // A standard's code list (countries, currencies, languages) is named by the description, not spelt out.
  if (node.enum && node.enum.length > LONGEST_LISTED_ENUM) return `code (${node.enum.length} accepted)`;
  if (node.enum) return node.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (node.type === 'array' && node.items?.enum && node.items.enum.length > LONGEST_LISTED_ENUM) return `list of codes (${node.items.enum.length} accepted)`;
  if (node.type === 'array') return node.items?.type === 'object' || node.items?.anyOf ? `list of ${node.items.anyOf ? kindOf(node.items) : 'mappings'}` : `list of ${node.items ? kindOf(node.items) : 'values'}`;
  if (node.type === 'object') return 'mapping';
  if (node.type === 'string' && node.pattern && DATE_PATTERN.test(node.pattern)) return 'date YYYY-MM-DD';
  if (node.type === 'string' && node.format === 'email') return 'e-mail address';
  if (node.type === 'integer') return 'whole number';
  return typeof node.type === 'string' ? (node.type === 'string' ? 'text' : node.type) : 'value';
}

/** One line per field, depth first, with the path written as in the YAML (`[]` for list items). */
function fieldLines(node: Node, prefix: string, lines: string[]): void {
  const required = new Set(node.properties ? (node.required ?? []) : []);
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    const description = (child.description ?? '').replace(/\|/g, '\\|');
    lines.push(`| \`${path}\` | ${kindOf(child)} | ${required.has(key) ? 'yes' : ''} | ${description} |`);
    for (const inner of nested(child)) fieldLines(inner.node, `${path}${inner.suffix}`, lines);
  }
}

/** The mappings inside a field: itself, its list items, or the mapping branch of a union. */
function nested(node: Node): { node: Node; suffix: string }[] {
  if (node.type === 'object' && node.properties) return [{ node, suffix: '' }];
  if (node.type === 'array' && node.items) return nested(node.items).map((n) => ({ node: n.node, suffix: `[]${n.suffix}` }));
  if (node.anyOf) return node.anyOf.flatMap(nested);
  return [];
}

/** The whole of docs/fields.md, with partnership.yaml under `method` (the default, UCLG's, for the file in docs/). */
export function fieldsReference(method: Method): string {
  const parts = [
    '# Fields of mentor’s files',
    '',
    'Every field of the three kinds of file, one line each, generated from the schema (`node scripts/fields-doc.mjs`; a test fails when this file is out of date). `[]` marks the items of a list. The same schemas are exported as JSON Schema by `mentor schema`.',
  ];
  for (const { name, file } of FILES) {
    const schema = jsonSchemaOf(name, method) as Node;
    const lines: string[] = [];
    fieldLines(schema, '', lines);
    parts.push('', `## ${file}`, '', schema.description ?? '', '', '| field | value | required | meaning |', '|---|---|---|---|', ...lines);
  }
  return `${parts.join('\n')}\n`;
}
