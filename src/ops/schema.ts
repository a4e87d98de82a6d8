import path from 'node:path';
import { jsonSchemaOf, SCHEMA_FILES, type SchemaFileName } from '../model/json-schema.js';
import { writeFileAtomic } from '../store/write.js';

/** The JSON Schemas of mentor's files, as formatted text by file name. */
export function exportSchemas(): Record<SchemaFileName, string> {
  const names = Object.keys(SCHEMA_FILES) as SchemaFileName[];
  return Object.fromEntries(names.map((name) => [name, `${JSON.stringify(jsonSchemaOf(name), null, 2)}\n`])) as Record<SchemaFileName, string>;
}

/** Write every schema file into `dir`; returns the paths written. */
export function writeSchemas(dir: string): string[] {
  return Object.entries(exportSchemas()).map(([name, text]) => {
    const file = path.join(dir, name);
    writeFileAtomic(file, text);
    return file;
  });
}
