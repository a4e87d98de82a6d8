// The built-in methods as checked when mentor was built. Checking a method file (its shape, its
// gates, its order) costs about 15 ms, at the start of every command; the built-in ones are checked
// once by scripts/build.mjs, which puts the result into the bundle with the exact bytes it was
// checked from. A command takes that result only when the file it finds holds those same bytes,
// so an edited or damaged built-in method is still checked, and reported, in full.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkMethod } from '../check/method.js';
import { METHODS_DIR } from '../model/layout.js';
import type { Method } from '../model/method.js';
import { builtInMethodNames, builtInMethodsRoot, readBuiltInMethod } from '../store/methods.js';

/** A built-in method as checked at build time: the text it was checked from, and what came of it. */
export interface CheckedMethod {
  text: string;
  method: Omit<Method, 'schema' | 'builtIn'>;
}

/** Set by scripts/build.mjs: JSON of every built-in method checked, by name. Absent when running from the sources. */
declare const MENTOR_BUILT_IN_METHODS: string | undefined;

/** Check every built-in method, for the build; a built-in method with any problem fails it. */
export function checkBuiltInMethods(): Record<string, CheckedMethod> {
  const checked: Record<string, CheckedMethod> = {};
  for (const name of builtInMethodNames()) {
    const source = readBuiltInMethod(name);
    const { method, problems } = checkMethod(source);
    if (!method || problems.length > 0) {
      throw new Error(`the built-in method ${name} has problems: ${problems.map((p) => `${p.code} line ${p.line}: ${p.message}`).join('; ')}`);
    }
    // Everything but the zod schema, which each command builds from the rest.
    const resolved: Partial<Method> = { ...method };
    delete resolved.schema;
    checked[name] = { text: source.text, method: resolved as CheckedMethod['method'] };
  }
  return checked;
}

/**
 * The built-in method `name` as checked at build time, when the file mentor finds now holds the very
 * bytes that were checked; otherwise undefined, and the caller checks the file itself.
 */
export function checkedAtBuild(name: string): CheckedMethod['method'] | undefined {
  if (typeof MENTOR_BUILT_IN_METHODS !== 'string') return undefined;
  const checked = (JSON.parse(MENTOR_BUILT_IN_METHODS) as Record<string, CheckedMethod>)[name];
  if (!checked) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(builtInMethodsRoot(), METHODS_DIR, `${name}.yaml`));
  } catch {
    return undefined;
  }
  return bytes.equals(Buffer.from(checked.text, 'utf8')) ? checked.method : undefined;
}
