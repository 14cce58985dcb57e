import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { docxFromRows } from '../test/fixtures/plans/build.ts';
import { dropdownSettled, setupJourney, shot } from './support.ts';

// Issue 3's journey: the coordinator uploads a DOCX plan, checks the preview, resolves an agency the
// platform could not match, and commits; the lead agency's officer finds the task in "Việc của tôi",
// reports progress with an evidence file and sets the task's overall status; the coordinator sees it.

const journey = setupJourney({ failureShot: 'zz-plans-failure' });
const tag = randomBytes(3).toString('hex');
const TASK_TITLE = `Tổ chức Ngày hội đọc sách cộng đồng ${tag}`;
const UNMATCHED = `Trung tâm Thử nghiệm Số ${tag}`;
// The current quarter: its end is never in the past nor beyond "Việc của tôi"'s horizon, whenever CI runs.
const now = new Date();
const QUARTER = `Quý ${['I', 'II', 'III', 'IV'][Math.floor(now.getMonth() / 3)]}/${now.getFullYear()}`;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Picks an option of an antd Select, typing into its search box first when given. */
async function pick(page: Page, select: ReturnType<Page['getByTestId']>, label: string | RegExp, typed?: string) {
  await select.click();
  if (typed) await select.locator('input').fill(typed);
  await dropdownSettled(page);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first().click();
}

describe('plans journey', () => {
  let planUrl = '';
  let taskUrl = '';

  it('the coordinator imports a DOCX plan, resolves an unmatched agency in the preview and commits', async () => {
    const page = await journey.newPage();
    await journey.login(page, 'sogddt');
    await page.goto(`${journey.url}/plans/import`);
    const docx = await docxFromRows(
      [
        ['TT', 'Tên nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Sản phẩm/kết quả', 'Thời gian'],
        ['1', TASK_TITLE, 'Sở Văn hóa, Thể thao và Du lịch', `${UNMATCHED}; Ủy ban nhân dân các xã/phường`, 'Báo cáo', QUARTER],
        ['2', `Rà soát quy chế phối hợp ${tag}`, 'Sở Giáo dục và Đào tạo', 'Sở Nội vụ', 'Văn bản', 'Khi có sự thay đổi'],
      ],
      { title: `KẾ HOẠCH Tổ chức các hoạt động học tập suốt đời năm ${now.getFullYear()} (${tag})` },
    );
    await page.locator('input[type=file]').first().setInputFiles({ name: `ke-hoach-${tag}.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(docx) });
    await page.getByTestId('import-items').waitFor();
    await shot(page, 'p1-preview');

    // Every name matched but one: it is shown red, and resolved by picking an agency of the province.
    const unresolved = page.locator('[data-testid=ref-tag][data-state=unresolved]');
    await expect.poll(() => unresolved.count()).toBe(1);
    await expect.poll(() => unresolved.first().textContent()).toContain(UNMATCHED);
    await unresolved.first().click();
    await page.getByTestId('resolve-panel').waitFor();
    await pick(page, page.getByTestId('resolve-panel').getByTestId('resolve-agency'), 'Sở Khoa học và Công nghệ', 'khoa hoc');
    await expect.poll(() => unresolved.count()).toBe(0);
    await shot(page, 'p2-resolved');

    await page.getByTestId('import-next').click();
    await page.getByTestId('import-save').waitFor();
    await page.getByTestId('import-status').getByText('Đang hiệu lực').click();
    await page.getByTestId('import-commit').last().click();
    await page.getByTestId('plan-detail').waitFor();
    planUrl = page.url();
    expect(await page.getByTestId('plan-detail').textContent()).toContain(TASK_TITLE);
    await shot(page, 'p3-plan');
  });

  it('the lead agency’s officer reports from "Việc của tôi" with evidence and sets the overall status', async () => {
    const page = await journey.newPage();
    await journey.login(page, 'sovhttdl');
    await page.goto(`${journey.url}/my-tasks`);
    await page.getByTestId('my-task-search').locator('input').fill(`ngay hoi doc sach ${tag}`);
    const link = page.getByTestId('my-task-link').filter({ hasText: TASK_TITLE });
    await link.first().click();
    await page.getByTestId('task-tracking').waitFor();
    taskUrl = page.url().split('?')[0]!;
    await shot(page, 'p4-task');

    const form = page.getByTestId('contribution-form').first();
    await pick(page, form.getByTestId('contribution-progress'), 'Hoàn thành');
    await form.getByTestId('contribution-narrative').fill('Đã tổ chức Ngày hội tại 12 xã, phường với 2.400 lượt người tham gia.');
    await form.getByTestId('contribution-save').click();
    await page.locator('[data-testid=contribution-form][data-state=draft]').waitFor();
    await form.getByTestId('evidence-upload').setInputFiles({ name: `Báo cáo ngày hội ${tag}.pdf`, mimeType: 'application/pdf', buffer: PDF });
    await form.getByTestId('evidence-item').first().waitFor();
    await form.getByTestId('contribution-submit').click();
    await page.getByTestId('submit-confirm').click();
    await page.locator('[data-testid=contribution-form][data-state=submitted]').waitFor();

    // As the lead agency it also sees the others' rows and sets the one overall status.
    const card = page.getByTestId('consolidated-card').first();
    await pick(page, card.getByTestId('consolidated-progress'), 'Hoàn thành');
    await card.getByTestId('consolidated-note-input').fill('Hoàn thành trong quý; chờ các xã, phường báo cáo.');
    await card.getByTestId('consolidated-save').click();
    await card.locator('[data-testid=consolidated-status][data-progress=done]').waitFor();
    await shot(page, 'p5-reported');
  });

  it('the coordinator sees the consolidated status and the report, accepts it, and finds the task on the board', async () => {
    const page = await journey.newPage();
    await journey.login(page, 'sogddt');
    await page.goto(taskUrl);
    await page.locator('[data-testid=consolidated-status][data-progress=done]').first().waitFor();
    const row = page.locator('[data-testid=contributor-row][data-state=submitted]').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Sở Văn hóa, Thể thao và Du lịch');
    await row.getByTestId('action-accept').click();
    await page.locator('[data-testid=contributor-row][data-state=accepted]').first().waitFor();
    await shot(page, 'p6-accepted');

    await page.goto(`${planUrl.split('?')[0]}/board`);
    await page.getByTestId('board-table').waitFor();
    const boardRow = page.getByTestId('board-table').locator('tr').filter({ hasText: TASK_TITLE });
    await boardRow.waitFor();
    expect(await boardRow.locator('[data-testid=board-progress]').getAttribute('data-progress')).toBe('done');
    await shot(page, 'p7-board');
  });
});
