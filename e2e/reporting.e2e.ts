import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setupJourney, shot } from './support.ts';

// Issue 4's journey: a commune officer fills and submits the yearly report, the coordinator returns it with a
// reason, the officer corrects and resubmits, the coordinator approves, and the province's indicator changes
// on screen. The commune (xã 29278 of the demo) has no report for the current period.

const journey = setupJourney({ failureShot: 'zz-reporting-failure' });
let entryUrl = '';

/** A page signed in as this person (each in its own context, so the officer and the coordinator take turns). */
async function newPage(username: string): Promise<Page> {
  const page = await journey.newPage({ failureShot: `zz-reporting-failure-${username}` });
  await journey.login(page, username);
  return page;
}

const cell = (page: Page, element: string, breakdown = '') => page.getByTestId(`cell-${element}/${breakdown}`);
/** Saves now, unless autosave (2 s after typing stops) already did and the button is disabled. */
async function saveNow(page: Page) {
  await page.getByTestId('entry-save').click({ timeout: 3_000 }).catch(() => undefined);
  await page.locator('[data-testid=save-status][data-saved=server]').waitFor();
}
const state = (page: Page, s: string) => page.locator(`[data-testid=report-entry][data-state=${s}]`).waitFor();

/** The province's information-competence rate as the indicator page shows it. */
async function rate(page: Page): Promise<string> {
  await page.goto(`${journey.url}/indicators`);
  const row = page.locator('[data-testid=indicator-row][data-code=informationCompetenceRate]');
  await row.waitFor();
  return (await row.getByTestId('indicator-value').first().textContent())!.trim();
}

describe('reporting journey', () => {
  let before = '';

  it('the commune officer fills the yearly report, is told what is wrong, fixes it and submits', async () => {
    const coordinator = await newPage('sogddt');
    before = await rate(coordinator);

    const page = await newPage('xa29278');
    await page.goto(`${journey.url}/reports`);
    await page.getByTestId('owed-open-link').first().click();
    await page.getByTestId('report-entry').waitFor();
    entryUrl = page.url();
    await cell(page, 'workingAgePeople').fill('4000');
    await cell(page, 'workingAgeInformationCompetence').fill('5000');
    // The check runs as they type: the panel names the element whose figure exceeds its denominator.
    await expect.poll(async () => page.getByTestId('issues-panel').textContent(), { timeout: 20_000 }).toContain('năng lực thông tin');
    await cell(page, 'workingAgeInformationCompetence').fill('2000');
    await page.getByTestId('section-results').fill('Tổ chức 8 lớp tin học cơ bản cho người lao động.');
    await saveNow(page);
    // Offline work: the workbook can be downloaded, and a file that is not one is refused, naming the problem.
    expect(await page.getByTestId('entry-xlsx-download').getAttribute('href')).toContain('/api/reporting/report.xlsx?');
    await page.locator('[data-testid=entry-toolbar] input[type=file]').setInputFiles({ name: 'bao-cao.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('không phải tệp Excel') });
    await page.getByTestId('error-alert').waitFor();
    await shot(page, 'r1-entry');
    await page.getByTestId('entry-submit').click();
    await page.getByTestId('submit-confirm').click();
    await state(page, 'submitted');
  });

  it('the coordinator returns it with a reason; the officer sees it, corrects and resubmits', async () => {
    const coordinator = await newPage('sogddt');
    await coordinator.goto(entryUrl);
    await state(coordinator, 'submitted');
    await coordinator.getByTestId('entry-return').click();
    await coordinator.getByTestId('reason-input').fill('Đề nghị kiểm tra lại số người được trang bị năng lực thông tin.');
    await coordinator.getByTestId('reason-submit').click();
    await state(coordinator, 'returned');

    const page = await newPage('xa29278');
    await page.goto(entryUrl);
    await state(page, 'returned');
    expect(await page.getByTestId('entry-returned').textContent()).toContain('Đề nghị kiểm tra lại');
    await cell(page, 'workingAgeInformationCompetence').fill('2600');
    await saveNow(page);
    await page.getByTestId('entry-submit').click();
    await page.getByTestId('submit-confirm').click();
    await state(page, 'submitted');
    await shot(page, 'r2-resubmitted');
  });

  it('the coordinator approves, and the province’s indicator changes on screen', async () => {
    const coordinator = await newPage('sogddt');
    await coordinator.goto(entryUrl);
    await state(coordinator, 'submitted');
    await coordinator.getByTestId('entry-approve').click();
    await coordinator.getByTestId('approve-confirm').click();
    await state(coordinator, 'approved');
    const after = await rate(coordinator);
    expect(after).not.toBe(before);
    await shot(coordinator, 'r3-indicator');
  });
});
