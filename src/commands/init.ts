import path from 'node:path';
import { UsageError } from '../errors.js';
import { countryCodeOf, englishCountryName } from '../model/countries.js';
import { initPartnership, type PartyInput } from '../ops/init.js';
import { askForMissing, prompterFor } from '../ui/prompt.js';
import { dateOption, type CommandContext } from './context.js';

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
  yes?: boolean;
}

const validCountry = (value: string) => (countryCodeOf(value) ? true : `"${value}" is not a country: use the ISO code, like MW, or the English name`);

/** mentor init <id> */
export async function initCommand(id: string, flags: InitFlags, ctx: CommandContext): Promise<number> {
  const date = dateOption(flags.date, '--date');
  for (const [flag, value] of [['--mentor-country', flags.mentorCountry], ['--mentee-country', flags.menteeCountry]] as const) {
    if (value !== undefined && !countryCodeOf(value)) throw new UsageError(`${flag} ${value} is not an ISO 3166-1 country code`, 'use the two-letter code, like MW for Malawi or ZA for South Africa');
  }
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
      { flag: '--mentee-country', question: 'Mentee country (ISO code or English name):', value: flags.menteeCountry, validate: validCountry },
      { flag: '--topic', question: 'What does the mentee ask for help with?', value: flags.topic },
    ],
    prompter,
  );
  const [mentorCountry] =
    mentor === 'tbd'
      ? [undefined]
      : await askForMissing(
          [{ flag: '--mentor-country', question: `Country of ${mentor} (ISO code or English name):`, value: flags.mentorCountry, validate: validCountry }],
          prompter,
        );

  const result = initPartnership({
    repoStart: ctx.repoStart,
    id,
    mentor: { name: mentor!, ...(mentorCountry && { country: countryCodeOf(mentorCountry) }), ...(flags.mentorKind && { kind: flags.mentorKind }) },
    mentee: { name: mentee!, country: countryCodeOf(menteeCountry!)!, ...(flags.menteeKind && { kind: flags.menteeKind }) },
    topic: topic!,
    date,
    ...(flags.title !== undefined && { title: flags.title }),
    ...(flags.requestedBy !== undefined && { requestedBy: flags.requestedBy }),
    ...(flags.focus && { focus: flags.focus }),
    ...(flags.locale && { locale: flags.locale }),
  });
  const { io } = ctx;
  const where = path.relative(io.cwd, result.root) || '.';
  if (result.createdRepository) io.stderr.write(`created a new mentor repository in ${where} (mentor.yaml, schema/)\n`);
  const country = countryCodeOf(menteeCountry!)!;
  io.stderr.write(`started ${id}: ${mentor} → ${mentee} (${englishCountryName(country) ?? country}), stage "request"\n`);
  io.stdout.write(`${path.join(where, result.file)}\n`);
  io.stderr.write(`next: record the needs assessment in ${result.file}, then \`mentor advance ${id}\`\n`);
  return 0;
}
