// A fast start for the commands that must answer within twice the time of `mentor --version`
// (`session add` and `advance`, the bench's target). Node 20 compiles every module it loads from scratch on every run,
// and has no compile cache (Node 22's module.enableCompileCache); for these commands that was about
// a third of their time. So the build also bundles each of them, with the CLI around it, into one
// CommonJS file (dist/fast/<name>.cjs), runs it once, and keeps V8's code cache of that run beside it.
// Here the bundle is compiled from that cache: what the training run compiled is not parsed or
// compiled again. The cache is named after the bundle's hash, so an edited bundle never runs on
// the cache of another, and V8 itself refuses a cache made by another Node or with other flags; a
// refused or missing cache only means the slower start. Everything else loads the ES modules of
// dist/cli.js, as before.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// node:crypto and node:vm are not part of Node's own start (about 9 ms to load together): every
// command imports this module to ask whether it starts fast, so they load only when it does.
const builtIn = createRequire(import.meta.url);
const crypto = () => builtIn('node:crypto') as typeof import('node:crypto');
const vm = () => builtIn('node:vm') as typeof import('node:vm');

/** The commands that start fast; each names its bundle and its module in src/commands (the build makes one bundle for each). */
export const FAST_COMMANDS: readonly string[] = ['advance', 'session'];

/** The fast bundle that serves these arguments, if one does: the command must come first. */
export function fastBundleFor(args: readonly string[]): string | undefined {
  const first = args[0];
  return first !== undefined && FAST_COMMANDS.includes(first) ? first : undefined;
}

/** Where a bundle's code cache is kept: beside it, named after the bundle's bytes. */
export function codeCacheFile(bundle: string, bytes: Buffer): string {
  return `${bundle.slice(0, -'.cjs'.length)}-${crypto().hash('sha1', bytes)}.cache`;
}

/** A bundle compiled (from its code cache when there is one) and ready to run. */
export interface LoadedBundle {
  script: import('node:vm').Script;
  cacheFile: string;
  /** Whether V8 took the code cache: false when there was none, or it was refused. */
  cached: boolean;
  run(): { main(): Promise<void> };
}

/**
 * Compile a fast bundle, or return undefined when the build has none of that name. The build
 * checks that a bundle is plain ASCII, so its bytes are read as Latin-1, about twice as fast as
 * decoding UTF-8, and the same text.
 */
export function loadBundle(dist: string, name: string): LoadedBundle | undefined {
  const file = path.join(dist, 'fast', `${name}.cjs`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const cacheFile = codeCacheFile(file, bytes);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The function around the bundle is what Node puts around a CommonJS module, in strict mode as
  // the ES modules are; `0,` keeps V8 from compiling all of it eagerly when there is no cache.
  const wrapped = `0, function (exports, require, module, __filename, __dirname, __mentorModuleUrl) {"use strict";${bytes.toString('latin1')}\n}`;
  const script = new (vm().Script)(wrapped, { filename: file, ...(cachedData && { cachedData }) });
  return {
    script,
    cacheFile,
    cached: cachedData !== undefined && script.cachedDataRejected === false,
    run() {
      const module = { exports: {} as { main(): Promise<void> } };
      const body = script.runInThisContext() as (...args: unknown[]) => void;
      body(module.exports, createRequire(file), module, file, path.dirname(file), pathToFileURL(file).href);
      return module.exports;
    },
  };
}

/**
 * Run the command through its fast bundle, if these arguments have one and the build made it;
 * false means the caller runs the ES-module CLI instead. The build sets MENTOR_WRITE_CODE_CACHE
 * for the training run that writes the cache.
 */
export async function fastStart(dist: string, args: readonly string[]): Promise<boolean> {
  const name = fastBundleFor(args);
  const bundle = name === undefined ? undefined : loadBundle(dist, name);
  if (!bundle) return false;
  await bundle.run().main();
  if (process.env.MENTOR_WRITE_CODE_CACHE === '1') writeFileSync(bundle.cacheFile, bundle.script.createCachedData());
  return true;
}
