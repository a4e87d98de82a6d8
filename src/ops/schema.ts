import path from 'node:path';
import { jsonSchemaOf, SCHEMA_FILES, type SchemaFileName } from '../model/json-schema.js';
import type { Method } from '../model/method.js';
import { writeFileAtomic } from '../store/write.js';

/** The JSON Schemas of mentor's files under a method (its stages and criteria), as formatted text by file name. */
export function exportSchemas(method: Method): Record<SchemaFileName, string> {
  const names = Object.keys(SCHEMA_FILES) as SchemaFileName[];
  return Object.fromEntries(names.map((name) => [name, `${JSON.stringify(jsonSchemaOf(name, method), null, 2)}\n`])) as Record<SchemaFileName, string>;
}

/** Write every schema file into `dir`; returns the paths written. */
export function writeSchemas(dir: string, method: Method): string[] {
  return Object.entries(exportSchemas(method)).map(([name, text]) => {
    const file = path.join(dir, name);
    writeFileAtomic(file, text);
    return file;
  });
}
