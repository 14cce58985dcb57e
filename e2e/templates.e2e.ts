import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { dropdownSettled, hidden, setupJourney, shot, visible } from './support.ts';

// The coordinator's report templates and the indicators' trajectory: the coordinator opens "Mẫu báo cáo",
// changes a template's frequency in the edit drawer, is refused a duplicate section key on its field (and
// nothing changes), narrows the agencies' template to one reporter, then reads the demo plan's proposals with
// their reasons, ticks one agency and applies it; on "Chỉ số" a click on an indicator charts it across years.

const journey = setupJourney({ failureShot: 'zz-templates-failure' });

const COMMUNE_TEMPLATE = 'xhht-xa';
const AGENCY_TEMPLATE = 'xhht-co-quan';
const AGENCY_TEMPLATE_NAME = 'Báo cáo kết quả xây dựng xã hội học tập của sở, ban, ngành, đoàn thể';
const FREQUENCY = 'Hằng năm, chốt số liệu ngày 30/11';
const STANDING_AGENCY = 'Sở Giáo dục và Đào tạo';
const ADDED_AGENCY = 'Báo và Phát thanh, Truyền hình Vĩnh Long';
const DEMO_PLAN = /Xây dựng xã hội học tập giai đoạn 2021-2030/;

/** The coordinator of the demo province, on "Mẫu báo cáo" reached from the menu. */
async function openTemplates(): Promise<Page> {
  const page = await journey.newPage();
  await journey.login(page, 'sogddt');
  await page.getByRole('menuitem', { name: 'Mẫu báo cáo' }).click();
  await page.waitForURL((u) => u.pathname === '/reports/templates');
  await visible(page.getByTestId('template-card'));
  return page;
}

const templateCard = (page: Page, code: string) => page.locator(`[data-testid=template-card][data-template-code="${code}"]`);
/** One of the eleven parts as the card shows it (its row in the card's table). */
const part = (card: Locator, label: string) => card.locator('tr').filter({ has: card.page().locator('th', { hasText: label }) });

/** Opens the template's edit drawer and waits until its form is shown. */
async function openDrawer(page: Page, code: string): Promise<Locator> {
  await templateCard(page, code).getByTestId('template-edit').click();
  const drawer = page.getByTestId('template-drawer');
  await visible(drawer.getByLabel('8. Tần suất'));
  return drawer;
}

/** Waits until the text of the element contains this. */
const contains = (l: Locator, text: string) => expect.poll(async () => (await l.textContent()) ?? '', { timeout: 20_000 }).toContain(text);

describe('templates journey', () => {
  it('the coordinator sees the province’s templates, changes a frequency in the drawer and sees it saved', async () => {
    const page = await openTemplates();
    // The three default templates of the province: communes, agencies, the province's consolidated figures.
    await contains(page.getByRole('tab', { selected: true }), 'Các mẫu (3)');
    expect(await page.getByTestId('template-card').count()).toBe(3);
    const card = templateCard(page, COMMUNE_TEMPLATE);
    await contains(card, 'Phiên bản 1');
    expect(await part(card, '8. Tần suất').textContent()).toContain('Hằng năm');

    const drawer = await openDrawer(page, COMMUNE_TEMPLATE);
    await drawer.getByLabel('8. Tần suất').fill(FREQUENCY);
    await drawer.getByTestId('template-save').click();
    await visible(page.locator('.ant-message').getByText('Đã lưu.'));
    await hidden(drawer);
    await contains(part(card, '8. Tần suất'), FREQUENCY);
    await contains(card, 'Phiên bản 2');
    await shot(page, 't1-template-saved');
  });

  it('a duplicate section key is refused by the server on its field, and the template does not change', async () => {
    const page = await openTemplates();
    const card = templateCard(page, COMMUNE_TEMPLATE);
    await contains(card, 'Phiên bản 2');
    const drawer = await openDrawer(page, COMMUNE_TEMPLATE);
    const keys = drawer.getByPlaceholder('Mã mục');
    expect(await keys.nth(0).inputValue()).toBe('results');
    // The form itself accepts it (both keys are well formed); the server refuses two sections with one key.
    await keys.nth(1).fill('results');
    await drawer.getByLabel('11. Hướng dẫn quy trình thực hiện').fill('Hướng dẫn mới không được lưu.');
    await drawer.getByTestId('template-save').click();
    const secondRow = drawer.getByTestId('template-outline-row').nth(1);
    await visible(secondRow.getByText('trùng mã mục “results”'));
    expect(await keys.nth(1).getAttribute('aria-invalid')).toBe('true');
    expect(await keys.nth(0).getAttribute('aria-invalid')).not.toBe('true');
    await visible(drawer.getByTestId('error-alert'));
    await shot(page, 't2-refused');

    // Nothing was saved: after a reload the card still shows version 2, its sections and instructions.
    await drawer.getByRole('button', { name: /^(close|đóng)$/i }).click();
    await hidden(drawer);
    await page.reload();
    await contains(card, 'Phiên bản 2');
    expect(await part(card, '11. Hướng dẫn quy trình thực hiện').textContent()).not.toContain('Hướng dẫn mới');
    expect(await part(card, '8. Tần suất').textContent()).toContain(FREQUENCY);
    const again = await openDrawer(page, COMMUNE_TEMPLATE);
    expect(await again.getByPlaceholder('Mã mục').nth(1).inputValue()).toBe('difficulties');
  });

  it('the demo plan’s proposals give their reasons; the coordinator ticks one agency and applies it', async () => {
    const page = await openTemplates();
    // The agencies' template lists every provincial agency today, so the plan has nobody to add: the coordinator
    // first narrows it to the standing agency.
    const card = templateCard(page, AGENCY_TEMPLATE);
    await contains(part(card, '3. Đối tượng thực hiện'), 'Mọi sở, ban, ngành, đoàn thể cấp tỉnh');
    const drawer = await openDrawer(page, AGENCY_TEMPLATE);
    const reporters = drawer.getByTestId('template-reporters');
    await reporters.click();
    await reporters.locator('input').fill('Giáo dục');
    await dropdownSettled(page);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: STANDING_AGENCY }).first().click();
    await drawer.getByTestId('template-save').click();
    await hidden(drawer);
    await contains(card.getByTestId('template-reporter'), STANDING_AGENCY);

    await page.getByRole('tab', { name: 'Đề xuất từ kế hoạch' }).click();
    await page.waitForURL((u) => u.searchParams.get('tab') === 'proposals');
    const plan = page.getByTestId('proposals-plan');
    await plan.click();
    await dropdownSettled(page);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: DEMO_PLAN }).first().click();
    await page.waitForURL((u) => !!u.searchParams.get('planId'));

    // The communes owe their template because of the plan's tasks, each named by its code.
    const communes = page.locator(`[data-testid=proposal-card][data-template-code="${COMMUNE_TEMPLATE}"]`);
    await contains(communes, 'Các xã, phường, đặc khu phải báo cáo theo mẫu này vì:');
    await contains(communes.getByTestId('proposal-reasons'), 'Chủ trì nhiệm vụ 1.1 (qua nhóm “UBND các xã, phường”)');
    await communes.getByText(/và \d+ lý do khác/).click();
    await contains(communes.getByTestId('proposal-reasons'), 'Phối hợp nhiệm vụ 4.2');

    // The agencies the plan gives tasks are proposed, each with its tasks; every addition starts ticked.
    const agencies = page.locator(`[data-testid=proposal-card][data-template-code="${AGENCY_TEMPLATE}"]`);
    const added = agencies.getByRole('checkbox', { name: ADDED_AGENCY });
    await visible(added);
    // Its reasons, beside its checkbox (the innermost block holding both): the tasks it leads, by their codes.
    const reasons = agencies.locator('div').filter({ has: page.getByRole('checkbox', { name: ADDED_AGENCY }) }).filter({ has: page.getByTestId('proposal-reasons') }).last().getByTestId('proposal-reasons');
    await contains(reasons, 'Chủ trì nhiệm vụ 1.2');
    await contains(reasons, 'Chủ trì nhiệm vụ 2.2');
    await shot(page, 't3-proposals');

    // The coordinator unticks them all at once, then ticks only one.
    const apply = page.getByTestId('proposals-apply');
    await page.getByRole('button', { name: 'Bỏ chọn tất cả' }).click();
    await contains(apply, '(0)');
    expect(await agencies.getByRole('checkbox', { checked: true }).count()).toBe(0);
    expect(await apply.isDisabled()).toBe(true);
    await added.check();
    await contains(apply, 'Áp dụng các đề xuất đã chọn (1)');
    await apply.click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Áp dụng 1 thay đổi vào mẫu báo cáo?' });
    await dialog.getByRole('button', { name: 'Áp dụng các đề xuất đã chọn (1)' }).click();

    const result = page.getByTestId('proposals-result');
    await contains(result, 'Đã áp dụng vào 1 mẫu báo cáo:');
    await contains(result, `${AGENCY_TEMPLATE_NAME}: thêm 0 số liệu, thêm 1 cơ quan, bỏ 0 cơ quan`);
    await hidden(dialog);
    // The proposals are read again: the agency is now kept, no longer proposed.
    await contains(agencies.getByTestId('proposal-keep-reporters'), 'Giữ (2)');
    expect(await added.count()).toBe(0);
    await shot(page, 't4-applied');

    // The template lists both agencies now.
    await page.getByRole('tab', { name: /Các mẫu/ }).click();
    await contains(card, ADDED_AGENCY);
    expect((await card.getByTestId('template-reporter').allTextContents()).sort()).toEqual([ADDED_AGENCY, STANDING_AGENCY].sort());
  });

  it('on "Chỉ số" a click on an indicator charts it across years, and the choice stays in the URL', async () => {
    const page = await journey.newPage();
    await journey.login(page, 'sogddt');
    await page.getByRole('menuitem', { name: /(^| )Chỉ số$/ }).click();
    await page.waitForURL((u) => u.pathname === '/indicators');
    // The life-skills rate has approved figures in the demo's reporting year, so its line has a point.
    const code = 'lifeSkillsRate';
    const name = 'Tỷ lệ người trong độ tuổi lao động được trang bị kỹ năng sống';
    const row = page.locator(`[data-testid=indicator-row][data-code=${code}]`);
    await visible(row);
    // Another indicator is followed at first; this one is not chosen yet.
    await visible(page.getByTestId('trajectory-chart'));
    expect(new URL(page.url()).searchParams.get('indicator')).toBeNull();
    expect(await row.getAttribute('aria-selected')).toBe('false');
    expect(await page.getByTestId('trajectory-chart').getAttribute('aria-label')).not.toBe(name);

    await row.getByText(name, { exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('indicator') === code);
    const card = page.getByTestId('trajectory-card');
    await visible(card.getByRole('img', { name, exact: true }));
    await contains(card.getByTestId('trajectory-pick'), name);
    await contains(card.getByTestId('trajectory-range'), 'Từ năm');
    expect(await card.getByTestId('trajectory-empty').count()).toBe(0);
    expect(await row.getAttribute('aria-selected')).toBe('true');
    await shot(page, 't5-trajectory');

    // A reload (or a shared link) shows the same indicator.
    await page.reload();
    await visible(page.getByTestId('trajectory-card').getByRole('img', { name, exact: true }));
    await contains(page.getByTestId('trajectory-card').getByTestId('trajectory-pick'), name);
    expect(await page.locator(`[data-testid=indicator-row][data-code=${code}]`).getAttribute('aria-selected')).toBe('true');
  });
});
