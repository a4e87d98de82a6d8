import { Argument, Command, CommanderError, Option } from 'commander';
import { MentorError, EXIT, ProblemsError } from './errors.js';
import { drained, processIo, type Io } from './ui/io.js';
import { printable } from './ui/printable.js';
import type { CommandContext } from './commands/context.js';
import { namesNoCommand } from './commands/bare-args.js';

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
    .option('--mentor-country <CC>', "the mentor's country: ISO 3166-1 code, or name in English, Spanish or French (not with tbd)")
    .addOption(new Option('--mentor-kind <kind>', 'city, association or region').choices(kinds))
    .option('--mentee <name>', 'the mentee city or association')
    .option('--mentee-country <CC>', "the mentee's country: ISO 3166-1 code (KE), or name in English, Spanish or French (Kenya, Kenia)")
    .addOption(new Option('--mentee-kind <kind>', 'city, association or region').choices(kinds))
    .option('--title <text>', 'a title (default: "<mentor> – <mentee>")')
    .option('--topic <text>', 'what the mentee asks for help with')
    .option('--requested-by <name>', 'who sent the request (default: the mentee)')
    .option('--date <YYYY-MM-DD>', 'the date of the request (default: today)')
    .option('--focus <area>', 'a focus area; repeat for more', collect)
    .addOption(new Option('--locale <locale>', 'language of its reports').choices(['en', 'es', 'fr', 'pt']))
    .option('--programme <name>', 'a new repository: the mentoring programme, printed under every document title (asked on a terminal)')
    .option('--yes', 'ask nothing; fail naming any missing value')
    .addHelpText(
      'after',
      examples([
        'mentor init mzuzu-waste --mentor tbd --mentee "Mzuzu City Council" --mentee-country Malawi \\',
        '    --topic "Solid waste management" --programme "UCLG city mentoring"     a new repository here, and its first partnership',
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
        'mentor session add durban-mzuzu     on a terminal: asks the date (today by default), last day, title, type,',
        '                                    level, host (a study visit: the mentor), place, participants, outcomes, actions',
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
    .option('--wide', 'on a terminal, show every column and every text whole, however wide (the table is fitted to the window otherwise)')
    .addHelpText(
      'after',
      examples([
        'mentor status',
        'mentor status johannesburg-lilongwe',
        'mentor status --wide | less -S        every column whole, scrolled sideways',
        'mentor status -C examples --as-of 2011-03-31 --json',
      ]),
    )
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
    .option('--since <git-ref>', 'only the partnerships whose files differ from this git revision (committed, staged, unstaged, untracked), plus mentor.yaml and the folder listing')
    .option('--shard <i/n>', 'only the i-th of n shares of the partnerships (split by a hash of the id); shard 1 also checks mentor.yaml and the folder listing')
    .addHelpText(
      'after',
      examples([
        'mentor validate',
        'mentor validate partnerships/johannesburg-lilongwe',
        'mentor validate --since origin/main    on a pull request: what changed since its base',
        'mentor validate --shard 2/4            the second of four CI jobs that together check everything',
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
    .addOption(new Option('--locale <locale>', "language (default: the partnership's, then the repository's, then en)").choices(['en', 'es', 'fr', 'pt']))
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

  program
    .command('completion')
    .description('print a completion script for your shell: commands, flags, partnership ids, stage names')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      examples([
        'source <(mentor completion bash)                                   in ~/.bashrc',
        'mentor completion bash > ~/.local/share/bash-completion/completions/mentor',
        'source <(mentor completion zsh)                                    in ~/.zshrc, after compinit',
        'mentor completion fish > ~/.config/fish/completions/mentor.fish',
      ]),
    )
    .action(async (shell: 'bash' | 'zsh' | 'fish', _flags, command: Command) => {
      const { completionCommand } = await import('./commands/completion.js');
      settle(completionCommand(shell, program, await context(command)));
    });

  program
    .command('calendar')
    .description('an iCalendar (RFC 5545) file of planned and logged sessions and of target, milestone and action due dates')
    .argument('[id]', 'one partnership (default: every partnership)')
    .option('--out <file.ics>', 'write the calendar into this file instead of standard output')
    .option('--as-of <date>', 'check the data as of this date and stamp the events with it (default stamp: the latest date recorded in the data)')
    .addOption(new Option('--locale <locale>', "language of the labels (default: the partnership's, then the repository's, then en)").choices(['en', 'es', 'fr', 'pt']))
    .addHelpText(
      'after',
      examples([
        'mentor calendar --out partnerships.ics                 every partnership, for a calendar subscription',
        'mentor calendar johannesburg-lilongwe > lilongwe.ics',
        'mentor calendar rosario-ciudad-sur --locale es --out rosario.ics',
      ]),
    )
    .action(async (id: string | undefined, flags, command: Command) => {
      const { calendarCommand } = await import('./commands/calendar.js');
      settle(calendarCommand(id, flags, await context(command)));
    });

  program
    .command('site')
    .description('a static web site of the repository: the portfolio with filters, a page per partnership, its documents and calendar')
    .option('--out <dir>', 'the folder to write into', 'site')
    .addOption(new Option('--locale <locale>', "the site in this language only (default: every language, the repository's at the top, the others in <lang>/)").choices(['en', 'es', 'fr', 'pt']))
    .option('--as-of <date>', 'compute days in stage and the documents as of this date (YYYY-MM-DD)')
    .addHelpText(
      'after',
      examples([
        'mentor site                                   into site/ (and site/es/, site/fr/...); open site/index.html, no server needed',
        'mentor site --out public --locale fr --as-of 2011-03-31',
      ]),
    )
    .action(async (flags, command: Command) => {
      const { siteCommand } = await import('./commands/site.js');
      settle(siteCommand(flags, await context(command)));
    });

  const exporter = program
    .command('export')
    .description('the partnerships in formats other systems read')
    .addHelpText('after', examples(['mentor export iati --out iati-activities.xml', 'mentor help export iati']));
  exporter
    .command('iati')
    .description('IATI 2.03 activity XML for donors, published by mentor.yaml\'s iati.reporting_org')
    .argument('[id...]', 'the partnerships to export (default: every partnership)')
    .option('--out <file.xml>', 'write the XML into this file instead of standard output')
    .option('--as-of <date>', 'check the data as of this date and use it as the generated time (default: the latest date recorded in the data)')
    .addHelpText(
      'after',
      examples([
        'mentor export iati --out iati-activities.xml               every partnership',
        'mentor export iati johannesburg-lilongwe bergen-mombasa > norway.xml',
        'xmllint --noout --schema iati-activities-schema.xsd iati-activities.xml',
        '',
        'mentor.yaml names the publisher:',
        '  iati:',
        '    reporting_org: {ref: <organisation identifier>, name: <publisher>, type: <organisation type code>}',
      ]),
    )
    .action(async (ids: string[], flags, command: Command) => {
      const { exportIatiCommand } = await import('./commands/export.js');
      settle(exportIatiCommand(ids, flags, await context(command)));
    });

  return program;
}

/** Commander's messages start with "error: "; make them one line of ours. */
function oneLine(message: string): string {
  const text = message.replace(/^error: /, '').trim().replace(/\n+/g, ' ');
  return `mentor: ${text}${/--help/.test(text) ? '' : ' (see `mentor --help`)'}\n`;
}

/** Commands that change files; when their output is lost, the user must still learn the change was saved. */
const CHANGING = new Set(['init', 'advance', 'suspend', 'resume', 'cancel', 'add', 'report']);

/** Run the CLI with the given arguments (without "node mentor"); resolves to the exit code. */
export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  return (await execute(argv, io)).code;
}

/** run, also telling whether the command ran to the end having changed files (for a lost output's message). */
async function execute(argv: string[], io: Io): Promise<{ code: number; changed: boolean }> {
  let code: number = EXIT.ok;
  let changing = false;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  program.hook('preAction', (_program, command) => {
    const flags = command.opts<{ dryRun?: boolean; stdout?: boolean; out?: string }>();
    changing = (CHANGING.has(command.name()) && !flags.dryRun && !flags.stdout) || (command.name() === 'schema' && flags.out !== undefined);
  });
  try {
    // `mentor` alone: the status of the repository here, or how to start one.
    if (namesNoCommand(argv)) {
      const { bareInvocation } = await import('./commands/bare.js');
      const plan = bareInvocation(argv, io);
      if (typeof plan === 'number') return { code: plan, changed: false };
      argv = plan;
    }
    await program.parseAsync(argv, { from: 'user' });
    return { code, changed: changing && code === EXIT.ok };
  } catch (error) {
    if (error instanceof ProblemsError) await showProblems(error, io);
    return { code: exitCodeOf(error, io), changed: false };
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
    // Messages quote data (names, titles, paths): never raw control characters on a terminal.
    io.stderr.write(`mentor: ${printable(error.message)}${error.hint ? ` (${printable(error.hint)})` : ''}\n`);
    return error.exitCode;
  }
  const debug = (io.env.DEBUG ?? '').split(',').some((d) => d.trim() === 'mentor' || d.trim() === '*');
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`mentor: internal error: ${printable(message)}. This is a bug in mentor ${VERSION}: please report it at ${ISSUES_URL} with the command you ran${debug ? '' : ' (DEBUG=mentor shows the stack)'}.\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return EXIT.internal;
}

const OUTPUT_REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EIO: 'an input/output error on the device',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is too large',
  EBADF: 'it is closed',
  EAGAIN: 'it is not ready for writing',
};

/**
 * Entry point of the binary: sets the exit code and returns, so pending output is flushed. Output
 * that cannot be written (standard output to a full disk, /dev/full) ends in one line on standard
 * error and exit 2 (the environment), never a stack trace; a reader that goes away
 * (`mentor status | head`) is not an error of ours; standard error that fails changes nothing.
 */
export async function main(): Promise<void> {
  const failed: { stdout?: NodeJS.ErrnoException; stderr?: NodeJS.ErrnoException } = {};
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    failed.stdout ??= error;
  });
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    failed.stderr ??= error;
  });
  const { code, changed } = await execute(process.argv.slice(2), processIo());
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  // A failed write to a file (/dev/full) is reported on the next turn of the event loop.
  await new Promise((resolve) => setImmediate(resolve));
  process.exitCode = code;
  const lost = failed.stdout;
  if (!lost || lost.code === 'EPIPE') return;
  const why = lost.code ? `${OUTPUT_REASONS[lost.code] ?? 'the system refused'} (${lost.code})` : lost.message;
  process.stderr.write(`mentor: cannot write to standard output: ${why}${changed ? '; the change itself was saved' : ''}\n`);
  process.exitCode = EXIT.usage;
}

