import { readdirSync } from 'node:fs';
import path from 'node:path';
import { METHODS_DIR } from '../model/layout.js';
import type { SourceFile } from '../model/source.js';
import { packageRoot } from '../util/package-root.js';
import { readSource } from './source.js';

/** The package folder holding the built-in methods. */
export const builtInMethodsRoot = () => packageRoot(`${METHODS_DIR}/uclg.yaml`);

/** The names of the methods shipped with mentor. */
export function builtInMethodNames(): string[] {
  return readdirSync(path.join(builtInMethodsRoot(), METHODS_DIR))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}

/** A built-in method file, read like any data file; problems point at methods/<name>.yaml of the package. */
export function readBuiltInMethod(name: string): SourceFile {
  return readSource(builtInMethodsRoot(), `${METHODS_DIR}/${name}.yaml`);
}

/** Whether mentor.yaml's `method:` value is a path in the repository rather than a built-in name. */
export function isMethodPath(value: string): boolean {
  return value.includes('/') || /\.ya?ml$/.test(value);
}
