import { Command, CommanderError, Option } from 'commander';
import { MentorError, EXIT, ProblemsError } from './errors.js';
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

  // Colour (chalk) is settled only when a command runs, so --help and --version do not load it.
  const context = async (command: Command): Promise<CommandContext> => {
    const globals = command.optsWithGlobals<{ repo?: string; color?: boolean }>();
    const allowed = globals.color !== false;
    const { colorFor } = await import('./ui/color.js');
    const color = io.color && allowed ? io.color : await colorFor(io.stdout, io.env, allowed);
    return { io: { ...io, color }, repoStart: globals.repo ?? io.cwd, version: VERSION };
  };

  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const kinds = ['city', 'association', 'region'];

  program
    .command('init')
    .description("start a partnership at the first stage of the repository's method (and the repository, when there is none here)")
    .argument('<id>', 'the partnership id: a lowercase slug such as johannesburg-lilongwe')
    .option('--mentor <name>', 'the mentor city or association, or "tbd" while none is found')
    .option('--mentor-country <CC>', "the mentor's ISO 3166-1 country code (not with tbd)")
    .addOption(new Option('--mentor-kind <kind>', 'city, association or region').choices(kinds))
    .option('--mentee <name>', 'the mentee city or association')
    .option('--mentee-country <CC>', "the mentee's ISO 3166-1 country code")
    .addOption(new Option('--mentee-kind <kind>', 'city, association or region').choices(kinds))
    .option('--title <text>', 'a title (default: "<mentor> – <mentee>")')
    .option('--topic <text>', 'what the mentee asks for help with')
    .option('--requested-by <name>', 'who sent the request (default: the mentee)')
    .option('--date <YYYY-MM-DD>', 'the date of the request (default: today)')
    .option('--focus <area>', 'a focus area; repeat for more', collect)
    .addOption(new Option('--locale <locale>', 'language of its reports').choices(['en', 'es', 'fr']))
    .option('--yes', 'ask nothing; fail naming any missing value')
    .addHelpText(
      'after',
      examples([
        'mentor init johannesburg-lilongwe --mentor "City of Johannesburg" --mentor-country ZA \\',
        '    --mentee "Lilongwe City Assembly" --mentee-country MW \\',
        '    --topic "City Development Strategy" --date 2008-05-12',
        'mentor init mombasa-land-use --mentor tbd --mentee "Municipal Council of Mombasa" \\',
        '    --mentee-country KE --topic "Land use" --focus "land use"',
      ]),
    )
    .action(async (id: string, flags, command: Command) => {
      const { initCommand } = await import('./commands/init.js');
      settle(await initCommand(id, flags, await context(command)));
    });

  const session = program
    .command('session')
    .description('log and list contact sessions')
    .addHelpText('after', examples(['mentor session add bergen-mombasa --from visit.yaml', 'mentor session list johannesburg-lilongwe', 'mentor help session add']));
  session
    .command('add')
    .description('log a session as a new file: partnerships/<id>/sessions/<date>-<title>.yaml')
    .argument('<id>', 'the partnership id')
    .option('--date <YYYY-MM-DD>', 'the (first) day of the session (default: today)')
    .option('--end <YYYY-MM-DD>', 'the last day of a visit of several days')
    .option('--title <text>', 'what the session was')
    .addOption(new Option('--type <type>', 'kind of session').choices(['contact', 'technical-visit', 'study-visit', 'workshop', 'political-visit', 'remote']))
    .addOption(new Option('--level <level>', 'technical or political').choices(['technical', 'political']))
    .addOption(new Option('--host <host>', 'who hosted it').choices(['mentor', 'mentee', 'other', 'remote']))
    .option('--location <place>', 'where it took place')
    .option('--participant <"Name; Organisation; Role; side">', 'a participant; repeat for more', collect)
    .option('--topic <text>', 'a topic discussed; repeat for more', collect)
    .option('--target <id>', "a partnership target worked on; repeat for more", collect)
    .option('--outcome <text>', 'an outcome; repeat for more', collect)
    .option('--action <"what; owner; YYYY-MM-DD">', 'an agreed action; repeat for more', collect)
    .option('--from <file>', 'read the session from a YAML or JSON file ("-" for standard input); flags add to it')
    .option('--yes', 'ask nothing; fail naming any missing value')
    .addHelpText(
      'after',
      examples([
        'mentor session add johannesburg-lilongwe --date 2011-03-14 --title "Implementation review" \\',
        '    --type technical-visit --level technical --host mentee --location Lilongwe \\',
        '    --participant "Jan Erasmus; City of Johannesburg; Deputy Director, Policy and Strategy; mentor" \\',
        '    --target debt-recovery --action "Quarterly revenue report; Treasury team, Lilongwe City Assembly; 2011-06-30"',
        'mentor session add bergen-mombasa --from visit.yaml',
        'cat visit.json | mentor session add bergen-mombasa --from -',
      ]),
    )
    .action(async (id: string, flags, command: Command) => {
      const { sessionAddCommand } = await import('./commands/session.js');
      settle(await sessionAddCommand(id, flags, await context(command)));
    });
  session
    .command('list')
    .description('the sessions of a partnership in date order, numbered as visits')
    .argument('<id>', 'the partnership id')
    .option('--json', 'print JSON')
    .addHelpText('after', examples(['mentor session list johannesburg-lilongwe', 'mentor session list bergen-mombasa --json']))
    .action(async (id: string, flags, command: Command) => {
      const { sessionListCommand } = await import('./commands/session.js');
      settle(sessionListCommand(id, flags, await context(command)));
    });

  program
    .command('advance')
    .description('move a partnership to its next roadmap stage, or --to a later one, when the gates are met')
    .argument('<id>', 'the partnership id')
    .option('--to <stage>', "the stage to enter, one of the method's (`mentor method show` lists them; default: the next one)")
    .option('--date <YYYY-MM-DD>', 'the date of the move (default: today)')
    .option('--note <text>', 'a note for the history entry')
    .option('--force', 'move back, or past an unmet gate (needs --reason)')
    .option('--reason <text>', 'why the move is forced; recorded in the history')
    .option('--dry-run', 'show the gates on the way; change nothing')
    .addHelpText(
      'after',
      examples([
        'mentor advance ekurhuleni-blantyre --dry-run',
        'mentor advance ekurhuleni-blantyre --date 2011-05-02 --note "ToR approved by both councils"',
        'mentor advance johannesburg-lilongwe --to evaluation',
        'mentor advance durban-mzuzu --to setup --force --reason "targets renegotiated after the elections"',
      ]),
    )
    .action(async (id: string, flags, command: Command) => {
      const { advanceCommand } = await import('./commands/advance.js');
      settle(advanceCommand(id, flags, await context(command)));
    });

  for (const [action, description, example] of [
    ['suspend', 'put a partnership on hold (postponed elections, for instance); recorded in the history', 'mentor suspend johannesburg-lilongwe --reason "local elections postponed again"'],
    ['resume', 'resume a suspended (or cancelled) partnership', 'mentor resume johannesburg-lilongwe --date 2011-06-01'],
    ['cancel', 'cancel a partnership; recorded in the history', 'mentor cancel ekurhuleni-blantyre --reason "no budget for visits this year"'],
  ] as const) {
    program
      .command(action)
      .description(description)
      .argument('<id>', 'the partnership id')
      .option('--reason <text>', action === 'resume' ? 'why (optional)' : 'why (required)')
      .option('--date <YYYY-MM-DD>', 'the date of the change (default: today)')
      .addHelpText('after', examples([example]))
      .action(async (id: string, flags, command: Command) => {
        const { statusChangeCommand } = await import('./commands/status-change.js');
        settle(statusChangeCommand(action, id, flags, await context(command)));
      });
  }

  program
    .command('status')
    .description('the portfolio at a glance, or one partnership in detail')
    .argument('[id]', 'a partnership id for the detail')
    .option('--json', 'print JSON')
    .option('--as-of <date>', 'compute days in stage and warnings as of this date (YYYY-MM-DD)')
    .addHelpText('after', examples(['mentor status', 'mentor status johannesburg-lilongwe', 'mentor status -C examples --as-of 2011-03-31 --json']))
    .action(async (id: string | undefined, flags, command: Command) => {
      const { statusCommand } = await import('./commands/status.js');
      settle(await statusCommand(id, flags, await context(command)));
    });

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
      settle(await validateCommand(paths, flags, await context(command)));
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
      settle(schemaCommand(flags, await context(command)));
    });

  const method = program
    .command('method')
    .description("the repository's method: its stages, gates, health limits and rating criteria (methods/<name>.yaml)")
    .addHelpText('after', examples(['mentor method show', 'mentor method init uclg', 'mentor method init eu-twinning']));
  method
    .command('show')
    .description('print the active method as tables: stages, the gate of each in words, limits, rating criteria')
    .option('--json', 'print the method as JSON')
    .addOption(new Option('--locale <locale>', 'language of the stage names').choices(['en', 'es', 'fr', 'pt']))
    .addHelpText('after', examples(['mentor method show', 'mentor method show --locale es', 'mentor -C programme method show --json']))
    .action(async (flags, command: Command) => {
      const { methodShowCommand } = await import('./commands/method.js');
      settle(methodShowCommand(flags, await context(command)));
    });
  method
    .command('init')
    .description('copy a built-in method into the repository (methods/<name>.yaml) to edit, and name it in mentor.yaml')
    .argument('<name>', 'a built-in method: uclg or eu-twinning')
    .addHelpText(
      'after',
      examples([
        'mentor method init uclg          copy the UCLG roadmap to methods/uclg.yaml, e.g. to change a limit',
        'mentor method init eu-twinning   follow the EU Twinning Manual: fiche, proposals, selection, contract, implementation, closure',
      ]),
    )
    .action(async (name: string, _flags, command: Command) => {
      const { methodInitCommand } = await import('./commands/method.js');
      settle(methodInitCommand(name, await context(command)));
    });

  program
    .command('report')
    .description('render the Terms of Reference, roadmap and evaluation report of a partnership, or the portfolio of all')
    .argument('[id]', 'the partnership (omit with --portfolio)')
    .addOption(new Option('--kind <kind>', 'which document').choices(['tor', 'roadmap', 'evaluation', 'all']).default('all'))
    .addOption(new Option('--format <format>', 'output format (pdf needs Chromium or Chrome)').choices(['md', 'html', 'pdf']).default('md'))
    .addOption(new Option('--locale <locale>', "language (default: the partnership's, then the repository's, then en)").choices(['en', 'es', 'fr']))
    .option('--out <dir>', 'write into <dir> instead of reports/<id>/')
    .option('--stdout', 'print the document instead of writing it (one --kind)')
    .option('--portfolio', 'the overview of every partnership, into reports/portfolio.<format>')
    .option('--as-of <date>', 'compute days in stage, warnings and overdue items as of this date (YYYY-MM-DD), for reproducible reports')
    .addHelpText(
      'after',
      examples([
        'mentor report johannesburg-lilongwe                     all three documents as Markdown in reports/johannesburg-lilongwe/',
        'mentor report rosario-ciudad-sur --kind tor --format html --locale es',
        'mentor report bergen-mombasa --kind roadmap --stdout > roadmap.md',
        'mentor report durban-mzuzu --format pdf --out ~/Desktop',
        'mentor report --portfolio --as-of 2011-03-31',
      ]),
    )
    .action(async (id: string | undefined, flags, command: Command) => {
      const { reportCommand } = await import('./commands/report.js');
      settle(await reportCommand(id, flags, await context(command)));
    });

  return program;
}

/** Commander's messages start with "error: "; make them one line of ours. */
function oneLine(message: string): string {
  const text = message.replace(/^error: /, '').trim().replace(/\n+/g, ' ');
  return `mentor: ${text}${/--help/.test(text) ? '' : ' (see `mentor --help`)'}\n`;
}

/** Run the CLI with the given arguments (without "node mentor"); resolves to the exit code. */
export async function run(argv: string[], io: Io = processIo()): Promise<number> {
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
    if (error instanceof ProblemsError) await showProblems(error, io);
    return exitCodeOf(error, io);
  }
}

/** The problems a command refused to work on, shown as `mentor validate` shows them. */
async function showProblems(error: ProblemsError, io: Io): Promise<void> {
  const [{ colorFor }, { renderText }] = await Promise.all([import('./ui/color.js'), import('./ui/problems.js')]);
  io.stderr.write(renderText(error.report, io.color ?? (await colorFor(io.stderr, io.env, true))));
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
  // A reader that goes away (`mentor status | head`) is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.exitCode = await run(process.argv.slice(2));
}
