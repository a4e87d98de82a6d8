import { describe, expect, it } from 'vitest';
import { defaultHost, defaultLevel } from '../../src/commands/session-questions.js';

describe('the host and level a prompt offers first, by type of session', () => {
  it.each([
    ['contact', 'mentee', 'technical'],
    ['technical-visit', 'mentee', 'technical'],
    ['study-visit', 'mentor', 'technical'],
    ['workshop', 'mentee', 'technical'],
    ['political-visit', 'mentee', 'political'],
    ['remote', 'remote', 'technical'],
  ])('%s: hosted by %s, %s', (type, host, level) => {
    expect(defaultHost(type)).toBe(host);
    expect(defaultLevel(type)).toBe(level);
  });
});
