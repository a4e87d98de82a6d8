import path from 'node:path';
import { UsageError } from '../errors.js';
import { countryCodeOf, countryProblem, englishCountryName } from '../model/countries.js';
import { defaultRepositoryName, initPartnership, type PartyInput } from '../ops/init.js';
import { findRepoRoot } from '../ops/repository.js';
import { askForMissing, prompterFor } from '../ui/prompt.js';
import { dateOption, workingDirectory, type CommandContext } from './context.js';

export interface InitFlags {
  mentor?: string;
  mentorCountry?: string;
  mentorKind?: PartyInput['kind'];
  mentee?: string;
  menteeCountry?: string;
  menteeKind?: PartyInput['kind'];
  title?: string;
  topic?: string;
  requestedBy?: string;
  date?: string;
  focus?: string[];
  locale?: 'en' | 'es' | 'fr' | 'pt';
  programme?: string;
  yes?: boolean;
}

const validCountry = (value: string) => countryProblem(value) ?? true;
const validText = (value: string) => (value.trim() !== '' ? true : 'give a name (it cannot be empty)');

/** mentor init <id> */
export async function initCommand(id: string, flags: InitFlags, ctx: CommandContext): Promise<number> {
  const date = dateOption(flags.date, '--date');
  for (const [flag, value] of [['--mentor-country', flags.mentorCountry], ['--mentee-country', flags.menteeCountry]] as const) {
    const problem = value === undefined ? undefined : countryProblem(value, `${flag} ${value}`);
    if (problem) throw new UsageError(problem);
  }
  if (flags.programme !== undefined && flags.programme.trim() === '') throw new UsageError('--programme needs a name, such as "UCLG city mentoring"');
  if (flags.mentor === 'tbd' && flags.mentorCountry !== undefined) throw new UsageError('a mentor still to be found ("tbd") has no country yet: leave out --mentor-country');

  const prompter = await prompterFor(ctx.io, flags.yes);
  if (!prompter) {
    // Name every missing flag at once, the mentor's country too unless the mentor is still to be found.
    const missing = (
      [
        ['--mentor', flags.mentor],
        ['--mentor-country', flags.mentor === 'tbd' ? 'tbd' : flags.mentorCountry],
        ['--mentee', flags.mentee],
        ['--mentee-country', flags.menteeCountry],
        ['--topic', flags.topic],
      ] as const
    ).filter(([, value]) => value === undefined);
    if (missing.length > 0) await askForMissing(missing.map(([flag]) => ({ flag, question: flag, value: undefined })), undefined);
  }
  const [mentor, mentee, menteeCountry, topic] = await askForMissing(
    [
      { flag: '--mentor', question: 'Mentor city or association ("tbd" while none is found):', value: flags.mentor, default: 'tbd' },
      { flag: '--mentee', question: 'Mentee city or association:', value: flags.mentee },
      { flag: '--mentee-country', question: 'Mentee country (ISO code or name):', value: flags.menteeCountry, validate: validCountry },
      { flag: '--topic', question: 'What does the mentee ask for help with?', value: flags.topic },
    ],
    prompter,
  );
  const [mentorCountry] =
    mentor === 'tbd'
      ? [undefined]
      : await askForMissing(
          [{ flag: '--mentor-country', question: `Country of ${mentor} (ISO code or name):`, value: flags.mentorCountry, validate: validCountry }],
          prompter,
        );
  // A new repository is asked for its programme, printed under every document's title; never required.
  const newRepository = findRepoRoot(workingDirectory(ctx)) === undefined;
  const [programme] =
    newRepository && flags.programme === undefined && prompter
      ? await askForMissing(
          [{ flag: '--programme', question: 'The mentoring programme, printed under every document title:', value: undefined, default: defaultRepositoryName(workingDirectory(ctx)), validate: validText }],
          prompter,
        )
      : [flags.programme];

  const result = initPartnership({
    repoStart: workingDirectory(ctx),
    id,
    mentor: { name: mentor!, ...(mentorCountry && { country: countryCodeOf(mentorCountry) }), ...(flags.mentorKind && { kind: flags.mentorKind }) },
    mentee: { name: mentee!, country: countryCodeOf(menteeCountry!)!, ...(flags.menteeKind && { kind: flags.menteeKind }) },
    topic: topic!,
    date,
    ...(flags.title !== undefined && { title: flags.title }),
    ...(flags.requestedBy !== undefined && { requestedBy: flags.requestedBy }),
    ...(flags.focus && { focus: flags.focus }),
    ...(flags.locale && { locale: flags.locale }),
    ...(programme !== undefined && { programme: programme.trim() }),
  });
  const { io } = ctx;
  const where = path.relative(workingDirectory(ctx), result.root) || '.';
  if (result.createdRepository) {
    io.stderr.write(`created a new mentor repository in ${where} (mentor.yaml, schema/)\n`);
    if (programme === undefined) io.stderr.write('hint: mentor.yaml names no programme; documents show the folder name under their titles until you add `programme: <name>` to it (or use --programme)\n');
  } else if (flags.programme !== undefined) io.stderr.write('warning: --programme names the programme of a new repository; this one exists, so edit `programme:` in its mentor.yaml\n');
  const country = countryCodeOf(menteeCountry!)!;
  io.stderr.write(`started ${id}: ${mentor} → ${mentee} (${englishCountryName(country) ?? country}), stage "${result.stage}"\n`);
  io.stdout.write(`${path.join(where, result.file)}\n`);
  io.stderr.write(`next: record the needs assessment in ${result.file}, then \`mentor advance ${id}\`\n`);
  return 0;
}
