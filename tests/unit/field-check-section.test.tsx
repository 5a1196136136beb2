import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FieldCheckSection } from '@/components/options/FieldCheckSection';
import { FieldReportSchema, type FieldReport } from '@/utils/domain/field-report';

const demo = FieldReportSchema.parse(JSON.parse(readFileSync('tests/fixtures/field/demo.json', 'utf8')));

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
  vi.restoreAllMocks();
});

async function show(run: (site: string) => Promise<FieldReport>, sites = ['acme.atlassian.net']) {
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => render(<FieldCheckSection sites={sites} run={run} />, host));
  const button = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Run field check')!;
  await act(async () => button.click());
  await act(async () => {});
  return host;
}

describe('FieldCheckSection', () => {
  it('runs the check on the chosen site and shows one row per check, with what came back', async () => {
    const run = vi.fn(async () => demo);
    const view = await show(run);
    expect(run).toHaveBeenCalledWith('acme.atlassian.net');
    const rows = [...view.querySelectorAll('table[aria-label="Field check"] tbody tr')];
    expect(rows.map((r) => r.querySelector('td')!.textContent)).toEqual(demo.checks.map((c) => c.id));
    const users = rows.find((r) => r.querySelector('td')!.textContent === 'users-search')!;
    expect(users.textContent).toContain('311 records');
    expect(users.textContent).toContain('paging: asked 1000, returned 311');
    expect(view.querySelector('[data-testid="field-report"]')!.textContent).toBe(JSON.stringify(demo, null, 2));
  });

  it('copies the report, and says what to do when it cannot', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const view = await show(async () => demo);
    const copy = [...view.querySelectorAll('button')].find((b) => b.textContent === 'Copy report')!;
    await act(async () => copy.click());
    expect(writeText).toHaveBeenCalledWith(JSON.stringify(demo, null, 2));
    expect(view.querySelector('[data-testid="field-check-status"]')!.textContent).toMatch(/Report copied/);
    writeText.mockRejectedValueOnce(new Error('denied'));
    await act(async () => copy.click());
    expect(view.querySelector('[data-testid="field-check-status"]')!.textContent).toMatch(/select it and copy it/);
  });

  it('says why when the check cannot run', async () => {
    const view = await show(async () => {
      throw new Error('acme.atlassian.net refused the API token.');
    });
    expect(view.querySelector('[data-testid="field-check-status"]')!.textContent).toBe(
      'acme.atlassian.net refused the API token.',
    );
    expect(view.querySelector('table')).toBeNull();
  });
});
