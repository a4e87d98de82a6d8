import path from 'node:path';
import { CONFIG_FILE } from '../model/layout.js';
import { findRepoRoot } from '../ops/repository.js';
import type { Io } from '../ui/io.js';
import { GLOBAL_WITH_VALUE } from './bare-args.js';

/** Where `mentor` alone looks for a repository: -C's folder, else the current one. */
function startOf(argv: readonly string[], cwd: string): string {
  let start = cwd;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (GLOBAL_WITH_VALUE.includes(arg) && argv[i + 1] !== undefined) start = argv[++i]!;
    else if (arg.startsWith('--repo=')) start = arg.slice('--repo='.length);
    else if (arg.startsWith('-C') && arg.length > 2) start = arg.slice(2);
  }
  return path.resolve(cwd, start);
}

/**
 * `mentor` with no command: inside a repository, the arguments of `mentor status`; outside one,
 * a short help on how to start, and exit 2 (no repository is a usage error).
 */
export function bareInvocation(argv: readonly string[], io: Io): string[] | number {
  if (findRepoRoot(startOf(argv, io.cwd)) !== undefined) return [...argv, 'status'];
  io.stderr.write(
    [
      `mentor: no mentor repository here (no ${CONFIG_FILE} in this folder or any folder above it).`,
      '',
      'Start one, with its first partnership, in this folder:',
      '  mentor init <id> --mentor <name or tbd> --mentee <name> --mentee-country <country> --topic <text>',
      '  (on a terminal, `mentor init <id>` asks for what is missing)',
      'or point at an existing repository with -C <dir>, or try the examples in a clone of mentor:',
      '  mentor status -C examples --as-of 2011-03-31',
      '',
      '`mentor --help` lists every command; `mentor help init` explains init.',
      '',
    ].join('\n'),
  );
  return 2;
}
