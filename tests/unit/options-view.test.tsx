import { describe, expect, it } from 'vitest';
import { siteHostFromInput } from '@/components/OptionsView';

describe('siteHostFromInput', () => {
  it.each([
    ['acme', 'acme.atlassian.net'],
    [' ACME.atlassian.net ', 'acme.atlassian.net'],
    ['https://acme.atlassian.net/jira/your-work', 'acme.atlassian.net'],
    ['acme.example.com', null],
    ['', null],
    ['https://', null],
  ])('%s → %s', (input, expected) => {
    expect(siteHostFromInput(input)).toBe(expected);
  });
});
