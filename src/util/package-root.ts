import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * mentor's own package folder, holding the built-in methods/ and templates/: two folders up from
 * this module in src/util or dist/chunks, one up from a file of dist/. Only a folder with a
 * package.json beside `marker` counts, so a methods/ or templates/ folder that happens to lie
 * above a copy of the build is never taken for mentor's.
 */
export function packageRoot(marker: string): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const up of ['..', '../..']) {
    const dir = path.resolve(here, up);
    if (existsSync(path.join(dir, marker)) && existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`mentor's ${marker} was not found above ${here}`);
}
