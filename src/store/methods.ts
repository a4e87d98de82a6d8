import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { METHODS_DIR } from '../model/layout.js';
import type { SourceFile } from '../model/source.js';
import { readSource } from './source.js';

/** The package root, holding methods/ (from src/store or dist/chunks, as the templates are found). */
function packageRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const up of ['..', '../..', '../../..']) {
    const dir = path.resolve(here, up);
    if (existsSync(path.join(dir, METHODS_DIR, 'uclg.yaml'))) return dir;
  }
  throw new Error(`the built-in methods were not found above ${here}`);
}

/** The names of the methods shipped with mentor. */
export function builtInMethodNames(): string[] {
  return readdirSync(path.join(packageRoot(), METHODS_DIR))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}

/** A built-in method file, read like any data file; problems point at methods/<name>.yaml of the package. */
export function readBuiltInMethod(name: string): SourceFile {
  return readSource(packageRoot(), `${METHODS_DIR}/${name}.yaml`);
}

/** Whether mentor.yaml's `method:` value is a path in the repository rather than a built-in name. */
export function isMethodPath(value: string): boolean {
  return value.includes('/') || /\.ya?ml$/.test(value);
}
