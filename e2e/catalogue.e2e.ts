import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SHOTS, dropdownSettled, hidden, logout, setupJourney, shot, visible } from './support.ts';

// The province's catalogue of data elements and indicators ("Danh mục chỉ số"): the coordinator finds an element
// by typing without diacritics, adds a commune figure (a second one of the same name is refused on its field),
// a count indicator over it, and puts it on the communes' template; the commune officer sees the new row in
// their report; the coordinator then reads where it is used, and the server refuses to retire it.

const journey = setupJourney({ failureShot: 'zz-catalogue-failure' });

const ELEMENT = 'Số câu lạc bộ đọc sách';
const INDICATOR = 'Số câu lạc bộ đọc sách';
const UNIT = 'câu lạc bộ';
const COMMUNE_TEMPLATE = 'xhht-xa';
const COMMUNE_TEMPLATE_NAME = 'Báo cáo kết quả xây dựng xã hội học tập của xã, phường, đặc khu';
const DEMO_PLAN = /Xây dựng xã hội học tập giai đoạn 2021-2030/;

/** An antd popup (popover, modal) done with its opening motion, so a picture of it is not half faded in. */
const SETTLED = ':not([class*="-appear"]):not([class*="-enter"]):not([class*="-leave"])';

/** Waits until the text of the element contains this. */
const contains = (l: Locator, text: string) => expect.poll(async () => (await l.textContent()) ?? '', { timeout: 20_000 }).toContain(text);

/** The rows of a catalogue table (each carries its element's or indicator's code). */
const rows = (page: Page, table: 'element' | 'indicator') => page.getByTestId(`catalogue-${table}-table`).locator('tr[data-code]');
/** The row of the element (or indicator) of this exact name. */
const rowNamed = (page: Page, table: 'element' | 'indicator', name: string) =>
  rows(page, table).filter({ has: page.locator('span', { hasText: new RegExp(`^${name}$`) }) });

/** Picks an option of an antd Select, typing into its search box first when given. */
async function pick(page: Page, select: Locator, label: string | RegExp, typed?: string) {
  await select.click();
  if (typed) await select.locator('input').fill(typed);
  await dropdownSettled(page);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first().click();
}

/** "Danh mục chỉ số" from the navigation menu, on its first tab. */
async function openCatalogue(page: Page) {
  await page.getByRole('menuitem', { name: 'Danh mục chỉ số' }).click();
  await page.waitForURL((u) => u.pathname === '/reports/catalogue');
  await visible(rows(page, 'element'));
}

/** Types into a tab's search box and waits until the URL (and so the table) follows. */
async function search(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).locator('input').fill(text);
  await page.waitForURL((u) => (u.searchParams.get('q') ?? '') === text);
}

describe('catalogue journey', () => {
  let page: Page;
  let code = '';
  let elementsBefore = 0;
  // The steps share one page (people sign out and in on it): each step's failure is captured, not just the first's.
  beforeEach(({ onTestFailed }) => onTestFailed(() => (page ? shot(page, 'zz-catalogue-failure').then(() => undefined) : undefined)));

  it('the coordinator opens "Danh mục chỉ số" from the menu and finds an element typed without diacritics', async () => {
    page = await journey.newPage();
    await journey.login(page, 'sogddt');
    await openCatalogue(page);
    await contains(page.getByRole('tab', { selected: true }), 'Số liệu thu thập (');
    elementsBefore = await rows(page, 'element').count();
    expect(elementsBefore).toBeGreaterThan(5);
    // The starter's elements, none added by the province yet.
    expect(await page.locator('[data-testid=catalogue-source][data-status=province]').count()).toBe(0);

    await search(page, 'catalogue-element-search', 'tong so gia dinh');
    const families = rowNamed(page, 'element', 'Tổng số gia đình');
    await visible(families);
    expect(await families.getAttribute('data-code')).toBe('families');
    await contains(families.getByTestId('catalogue-source'), 'Có sẵn');
    // Every word must match: the working-age figures are filtered out.
    await hidden(page.locator('[data-testid=catalogue-element-table] tr[data-code=workingAgePeople]'));
    expect(await rows(page, 'element').count()).toBeLessThan(elementsBefore);
    await shot(page, 'c1-search');
  });

  it('adds a commune figure through the drawer; the same name again is refused on its field and adds nothing', async () => {
    await search(page, 'catalogue-element-search', '');
    await page.getByTestId('catalogue-element-create').click();
    const drawer = page.getByTestId('catalogue-element-drawer');
    await drawer.getByTestId('catalogue-element-name').fill(ELEMENT);
    await drawer.getByRole('radio', { name: 'Xã, phường, đặc khu' }).check();
    expect(await drawer.getByRole('radio', { name: 'Số nguyên (đếm)' }).isChecked()).toBe(true);
    await drawer.getByTestId('catalogue-element-save').click();
    await visible(page.locator('.ant-message').getByText('Đã lưu.'));
    await hidden(drawer);

    const row = rowNamed(page, 'element', ELEMENT);
    await visible(row);
    code = (await row.getAttribute('data-code'))!;
    expect(code).toMatch(/^[a-zA-Z][a-zA-Z0-9_-]+$/);
    expect(await row.locator('[data-testid=catalogue-source]').getAttribute('data-status')).toBe('province');
    expect(await row.getByTestId('catalogue-source').textContent()).toBe('Tỉnh bổ sung');
    expect(await row.textContent()).toContain('Xã, phường, đặc khu');
    expect(await row.textContent()).toContain('Số nguyên (đếm)');
    expect(await row.textContent()).toContain('Chưa dùng');
    expect(await row.getByTestId('catalogue-value-count').textContent()).toBe('0');
    await contains(page.getByRole('tab', { selected: true }), `Số liệu thu thập (${elementsBefore + 1})`);
    await shot(page, 'c2-element-added');

    // The same name again: the server refuses it, and says so on the name field.
    await page.getByTestId('catalogue-element-create').click();
    const again = page.getByTestId('catalogue-element-drawer');
    const name = again.getByTestId('catalogue-element-name');
    await name.fill(ELEMENT);
    await again.getByRole('radio', { name: 'Xã, phường, đặc khu' }).check();
    await again.getByTestId('catalogue-element-save').click();
    await visible(again.getByText('trùng tên với một số liệu đã có'));
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await contains(again.getByTestId('error-alert'), 'Đã có số liệu cùng tên trong danh mục.');
    await shot(page, 'c3-duplicate-refused');
    await again.getByRole('button', { name: /^(close|đóng)$/i }).click();
    await hidden(again);
    expect(await rowNamed(page, 'element', ELEMENT).count()).toBe(1);
    await contains(page.getByRole('tab', { selected: true }), `Số liệu thu thập (${elementsBefore + 1})`);
  });

  it('adds a count indicator over it in "Chỉ số"; its formula is shown in words', async () => {
    await page.getByRole('tab', { name: /^Chỉ số \(/ }).click();
    await page.waitForURL((u) => u.searchParams.get('tab') === 'indicators');
    await visible(rows(page, 'indicator'));
    await page.getByTestId('catalogue-indicator-create').click();
    const drawer = page.getByTestId('catalogue-indicator-drawer');
    await drawer.getByTestId('catalogue-indicator-name').fill(INDICATOR);
    await pick(page, drawer.getByTestId('catalogue-indicator-group'), 'Mô hình học tập');
    await drawer.getByRole('radio', { name: 'Số đếm (tổng của một số liệu)' }).check();
    // The element list is searched without diacritics too.
    await pick(page, drawer.getByTestId('catalogue-indicator-element'), ELEMENT, 'cau lac bo doc');
    await drawer.getByTestId('catalogue-indicator-unit').fill(UNIT);
    await contains(drawer.getByTestId('catalogue-formula-preview'), `Tổng của ${ELEMENT}`);
    await drawer.getByTestId('catalogue-indicator-save').click();
    await visible(page.locator('.ant-message').getByText('Đã lưu.'));
    await hidden(drawer);

    const row = rowNamed(page, 'indicator', INDICATOR);
    await visible(row);
    expect(await row.getByTestId('catalogue-formula').textContent()).toBe(`Tổng của ${ELEMENT}`);
    expect(await row.getByTestId('catalogue-source').getAttribute('data-status')).toBe('province');
    expect(await row.textContent()).toContain('Mô hình học tập');
    expect(await row.textContent()).toContain(UNIT);
    await shot(page, 'c4-indicator-added');

    // The element now says an indicator uses it.
    await page.getByRole('tab', { name: /^Số liệu thu thập/ }).click();
    await page.waitForURL((u) => !u.searchParams.get('tab'));
    await contains(rowNamed(page, 'element', ELEMENT).getByTestId('catalogue-used-by'), '1 chỉ số');
  });

  it('puts the new figure on the communes’ template in "Mẫu báo cáo"', async () => {
    await page.getByRole('menuitem', { name: 'Mẫu báo cáo' }).click();
    await page.waitForURL((u) => u.pathname === '/reports/templates');
    const card = page.locator(`[data-testid=template-card][data-template-code="${COMMUNE_TEMPLATE}"]`);
    await contains(card, 'Phiên bản 1');
    expect(await card.getByTestId('template-elements').textContent()).not.toContain(ELEMENT);
    await card.getByTestId('template-edit').click();
    const drawer = page.getByTestId('template-drawer');
    await visible(drawer.getByLabel('8. Tần suất'));
    await pick(page, drawer.getByTestId('template-elements-select'), ELEMENT, 'câu lạc bộ đọc');
    await contains(drawer.getByTestId('template-elements-select'), ELEMENT);
    // A multiple select stays open after a choice, over the drawer's buttons: the person leaves it to close it.
    await drawer.getByTestId('template-elements-select').locator('input').blur();
    await hidden(page.locator('.ant-select-dropdown:visible'));
    await drawer.getByTestId('template-save').click();
    await visible(page.locator('.ant-message').getByText('Đã lưu.'));
    await hidden(drawer);
    await contains(card.getByTestId('template-elements'), ELEMENT);
    await contains(card, 'Phiên bản 2');
    await shot(page, 'c5-template-saved');

    // Back on the catalogue in the same session, the element already counts the template among its users.
    await openCatalogue(page);
    await contains(rowNamed(page, 'element', ELEMENT).getByTestId('catalogue-used-by'), '1 mẫu báo cáo · 1 chỉ số');
  });

  it('the commune officer sees the new row in the report of the current period', async () => {
    await logout(page);
    await journey.login(page, 'longchau');
    await page.goto(`${journey.url}/reports`);
    await page.getByTestId('owed-open-link').first().click();
    // Their report of this year is already approved (the demo's), so it is shown to read, with the new row.
    await page.locator('[data-testid=report-entry][data-state=approved]').waitFor();
    const row = page.locator(`[data-testid=grid-row][data-element="${code}"]`);
    await visible(row);
    await contains(row.locator('th'), ELEMENT);
    // One count, no breakdown: a single cell, empty and locked.
    const cell = page.getByTestId(`cell-${code}/`);
    await visible(cell);
    expect(await cell.inputValue()).toBe('');
    expect(await cell.getAttribute('readonly')).not.toBeNull();
    // The grid scrolls inside the page (its height follows the window), so the picture is of the window, the
    // row scrolled into it, rather than a full-page one that would resize the window and lose the scroll.
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'c6-entry-row.png') });
  });

  it('back in the catalogue, the figure shows where it is used, and retiring it is refused by the server', async () => {
    await logout(page);
    await journey.login(page, 'sogddt');
    await openCatalogue(page);
    await search(page, 'catalogue-element-search', 'cau lac bo doc sach');
    const row = rowNamed(page, 'element', ELEMENT);
    await visible(row);
    const usedBy = row.getByTestId('catalogue-used-by');
    await contains(usedBy, '1 mẫu báo cáo · 1 chỉ số');
    expect(await row.getByTestId('catalogue-value-count').textContent()).toBe('0');
    // Their names, on hover.
    await usedBy.hover();
    const popover = page.locator(`.ant-popover${SETTLED}`).filter({ hasText: 'Mẫu báo cáo thu thập số liệu này' });
    await visible(popover);
    await contains(popover, COMMUNE_TEMPLATE_NAME);
    await contains(popover, 'Chỉ số tính từ số liệu này');
    await shot(page, 'c7-used-by');

    await row.getByTestId('catalogue-retire').click();
    const confirm = page.getByRole('dialog').filter({ hasText: `Ngừng sử dụng “${ELEMENT}”?` });
    // The page warns before asking the server.
    await contains(confirm, 'Mục này đang được mẫu báo cáo hoặc chỉ số sử dụng');
    await confirm.getByRole('button', { name: 'Ngừng sử dụng', exact: true }).click();
    await hidden(confirm);
    const refusal = page.getByRole('dialog').filter({ hasText: 'Không ngừng sử dụng được' });
    await visible(page.locator(`.ant-modal${SETTLED}`).filter({ hasText: 'Không ngừng sử dụng được' }));
    await contains(refusal, `Chưa ngừng sử dụng được “${ELEMENT}”`);
    await contains(refusal, `mẫu báo cáo “${COMMUNE_TEMPLATE_NAME}”`);
    await contains(refusal, `chỉ số “${INDICATOR}”`);
    await shot(page, 'c8-retire-refused');
    await refusal.getByRole('button', { name: 'Đã hiểu' }).click();
    await hidden(refusal);
    // Nothing changed: read again, it is still in use (no "retired" tag, and still offered to retire).
    await page.reload();
    await contains(row.getByTestId('catalogue-used-by'), '1 mẫu báo cáo · 1 chỉ số');
    expect(await row.getByTestId('catalogue-retired').count()).toBe(0);
    await visible(row.getByTestId('catalogue-retire'));
  });

  it('"Liên kết chỉ tiêu" opens the demo plan, which has no targets to link', async () => {
    await page.getByRole('tab', { name: 'Liên kết chỉ tiêu' }).click();
    await page.waitForURL((u) => u.searchParams.get('tab') === 'links');
    await pick(page, page.getByTestId('target-links-plan'), DEMO_PLAN);
    await page.waitForURL((u) => !!u.searchParams.get('planId'));
    await contains(page.getByTestId('target-links-table'), 'Kế hoạch không có chỉ tiêu nào.');
  });
});
