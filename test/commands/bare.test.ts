import { describe, expect, it } from 'vitest';
import { namesNoCommand } from '../../src/commands/bare-args.js';

describe('namesNoCommand: `mentor` alone, or with global options only', () => {
  it.each<[string[], boolean]>([
    [[], true],
    [['-C', 'examples'], true],
    [['-Cexamples'], true],
    [['--repo', 'examples', '--no-color'], true],
    [['--repo=examples'], true],
    [['status'], false],
    [['-C', 'examples', 'status'], false],
    [['--help'], false],
    [['--version'], false],
    [['--bogus'], false],
    [['frobnicate'], false],
  ])('%j -> %s', (argv, expected) => expect(namesNoCommand(argv)).toBe(expected));
});
