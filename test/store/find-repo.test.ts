import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathUnderRoot, workingDirectory } from '../../src/store/find-repo.js';
import { tempDir } from '../helpers/cli.js';

describe('workingDirectory: -C is where relative paths start, as with git', () => {
  it.each([
    ['/home/secretariat', '/home/secretariat', '/home/secretariat'],
    ['/home/secretariat', 'examples', '/home/secretariat/examples'],
    ['/home/secretariat', '../programme', '/home/programme'],
    ['/home/secretariat', '/srv/partnerships', '/srv/partnerships'],
  ])('from %s with -C %s: %s', (cwd, start, expected) => expect(workingDirectory(cwd, start)).toBe(expected));
});

describe('pathUnderRoot: a repository reached through a symbolic link is the same repository', () => {
  const layout = () => {
    const dir = tempDir();
    const real = path.join(dir, 'real');
    mkdirSync(path.join(real, 'partnerships/bergen-mombasa'), { recursive: true });
    symlinkSync(real, path.join(dir, 'link'));
    return { dir, real, link: path.join(dir, 'link') };
  };

  it('keeps a path that lies under the root as given', () => {
    const { real } = layout();
    expect(pathUnderRoot(real, real, 'partnerships/bergen-mombasa')).toBe('partnerships/bergen-mombasa');
  });

  it('rewrites a path through the link when the root was found through the real folder, and the other way round', () => {
    const { real, link } = layout();
    expect(pathUnderRoot(real, '/', path.join(link, 'partnerships/bergen-mombasa'))).toBe(path.join(real, 'partnerships/bergen-mombasa'));
    expect(pathUnderRoot(link, real, 'partnerships/bergen-mombasa')).toBe(path.join(link, 'partnerships/bergen-mombasa'));
  });

  it('rewrites a path to a file not yet there, through the link', () => {
    const { real, link } = layout();
    expect(pathUnderRoot(real, link, 'partnerships/none')).toBe(path.join(real, 'partnerships/none'));
  });

  it('leaves a path outside the repository as given, for the caller to refuse', () => {
    const { real, dir } = layout();
    expect(pathUnderRoot(real, dir, 'elsewhere')).toBe('elsewhere');
  });
});
