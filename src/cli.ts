import { Command, CommanderError, Option } from 'commander';
import { MentorError, EXIT } from './errors.js';
import { processIo, type Io } from './ui/io.js';
import type { CommandContext } from './commands/context.js';

declare const MENTOR_VERSION: string;
const VERSION = typeof MENTOR_VERSION === 'string' ? MENTOR_VERSION : '0.0.0-dev';
const ISSUES_URL = 'the project’s issue tracker';

const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;

/** Build the command-line program; `run` is called with the parsed command's context. */
function buildProgram(io: Io, settle: (code: number) => void): Command {
  const program = new Command('mentor');
  program
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(oneLine(s)),
    })
    .showSuggestionAfterError(true)
    .description('City-to-city mentoring partnerships as code: check them, move them along the roadmap, log sessions, render reports.')
    .version(VERSION, '--version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('-C, --repo <dir>', 'look for the repository (mentor.yaml) from <dir> instead of the current folder')
    .option('--no-color', 'no colour in the output (also when NO_COLOR is set)')
    .addHelpText(
      'after',
      examples([
        'mentor validate                      check every partnership in this repository',
        'mentor validate -C examples --as-of 2011-03-31',
        'mentor schema --out schema           write JSON Schemas for editors',
        'mentor help validate                 help on one command',
      ]),
    );

  const context = (command: Command): CommandContext => {
    const globals = command.optsWithGlobals<{ repo?: string; color?: boolean }>();
    const ctxIo = globals.color === false ? { ...io, color: processIo(false).color } : io;
    return { io: ctxIo, repoStart: globals.repo ?? io.cwd, version: VERSION };
  };

  program
    .command('validate')
    .description('check the whole repository, or the given files: YAML, schema, links between files, gates, health')
    .argument('[path...]', 'files or folders to check (default: the whole repository)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github', 'sarif']).default('text'))
    .option('--strict', 'warnings fail the check too (exit 1)')
    .option('--as-of <date>', 'compute health warnings as of this date (YYYY-MM-DD) instead of today')
    .addHelpText(
      'after',
      examples([
        'mentor validate',
        'mentor validate partnerships/johannesburg-lilongwe',
        'mentor validate --format github        annotations in a GitHub Actions job',
        'mentor validate --format sarif > mentor.sarif',
        'mentor validate --strict --as-of 2011-03-31',
      ]),
    )
    .action(async (paths: string[], flags, command: Command) => {
      const { validateCommand } = await import('./commands/validate.js');
      settle(validateCommand(paths, flags, context(command)));
    });

  program
    .command('schema')
    .description('print the JSON Schema (draft-07) of partnership, session and mentor.yaml files, for editors and other tools')
    .option('--out <dir>', 'write partnership.schema.json, session.schema.json and mentor.schema.json into <dir>')
    .addOption(new Option('--kind <kind>', 'print only this schema').choices(['partnership', 'session', 'mentor']))
    .addHelpText(
      'after',
      examples(['mentor schema --out schema', 'mentor schema --kind session > session.schema.json']),
    )
    .action(async (flags, command: Command) => {
      const { schemaCommand } = await import('./commands/schema.js');
      settle(schemaCommand(flags, context(command)));
    });

  return program;
}

/** Commander's messages start with "error: "; make them one line of ours. */
function oneLine(message: string): string {
  const text = message.replace(/^error: /, '').trim().replace(/\n+/g, ' ');
  return `mentor: ${text}${/--help/.test(text) ? '' : ' (see `mentor --help`)'}\n`;
}

/** Run the CLI with the given arguments (without "node mentor"); resolves to the exit code. */
export async function run(argv: string[], io: Io = processIo(true)): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  if (argv.length === 0) {
    io.stderr.write(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    return exitCodeOf(error, io);
  }
}

/** The one place where errors become exit codes. */
function exitCodeOf(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)) return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof MentorError) {
    io.stderr.write(`mentor: ${error.message}${error.hint ? ` (${error.hint})` : ''}\n`);
    return error.exitCode;
  }
  const debug = (io.env.DEBUG ?? '').split(',').some((d) => d.trim() === 'mentor' || d.trim() === '*');
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`mentor: internal error: ${message}. This is a bug in mentor ${VERSION}: please report it at ${ISSUES_URL} with the command you ran${debug ? '' : ' (DEBUG=mentor shows the stack)'}.\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return EXIT.internal;
}

/** Entry point of the binary: sets the exit code and returns, so pending output is flushed. */
export async function main(): Promise<void> {
  process.exitCode = await run(process.argv.slice(2));
}
