import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, dropdownSettled, hasText, hidden, logout, setupJourney, shot, visible } from './support.ts';

// The foundation journey: an administrator finds a commune without typing diacritics, gives a new
// commune officer an account scoped to it; the officer must change the password first, then sees
// their commune and is refused another one.

const journey = setupJourney({ failureShot: 'zz-failure', viewport: { width: 1280, height: 860 }, freshShots: true });

/** Opens an antd Select, optionally types into its search box, and picks the option with this label. */
async function pick(page: Page, testId: string, label: string, typed?: string) {
  const select = page.getByTestId(testId);
  await select.click();
  if (typed) {
    // Wait for the answer to this very search, so the click does not land on a list being replaced.
    const answered = page.waitForResponse((r) => r.url().includes('/api/') && new URL(r.url()).searchParams.get('q') === typed);
    await select.locator('input').fill(typed);
    await answered;
  }
  await dropdownSettled(page);
  await page.locator(`.ant-select-dropdown .ant-select-item-option[title="${label}"] >> visible=true`).click();
}

describe('foundation journey', () => {
  it('admin creates a commune officer, who must change the password and sees only their commune', async () => {
    const page = await journey.newPage();
    const username = `e2e.${randomBytes(3).toString('hex')}`;
    const initialPassword = 'khoi-tao-2026-e2e';
    const newPassword = 'mat-khau-moi-2026-e2e';

    // 1. The administrator signs in and finds the ward without diacritics.
    await journey.login(page, 'admin', DEMO_PASSWORD);
    await page.getByTestId('unit-search').locator('input').fill('long chau');
    const result = page.getByTestId('unit-result').filter({ hasText: 'Phường Long Châu' });
    await visible(result);
    await shot(page, '01-admin-search-long-chau');

    // The other ward, for later: its id as the administrator sees it.
    const res = await page.request.get(`${journey.url}/api/units?q=tra%20vinh&level=commune`);
    expect(res.ok()).toBe(true);
    const traVinh = ((await res.json()) as { id: string; name: string }[]).find((u) => u.name === 'Phường Trà Vinh');
    expect(traVinh).toBeDefined();

    await result.click();
    await hasText(page.getByTestId('page-title'), 'Phường Long Châu');
    await hasText(page.getByTestId('unit-breadcrumb'), 'Tỉnh Vĩnh Long');
    await hasText(page.getByTestId('unit-history'), 'Nhập toàn bộ');
    const longChauUrl = page.url();
    await shot(page, '02-admin-long-chau');

    // 2. Accounts: a commune officer scoped to Phường Long Châu.
    await page.getByTestId('nav-users').click();
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-username').fill(username);
    await page.getByTestId('user-displayname').fill('Cán bộ thử nghiệm E2E');
    await page.getByTestId('user-password').fill(initialPassword);
    await pick(page, 'grant-role-0', 'Cán bộ xã, phường');
    await pick(page, 'grant-unit-0', 'Phường Long Châu', 'long chau');
    await shot(page, '03-admin-create-account');
    await page.getByTestId('user-save').click();
    await hidden(page.getByTestId('user-create-drawer'));
    await hasText(page.getByTestId('user-table'), username);
    await hasText(page.getByTestId('user-table'), 'Chờ đổi mật khẩu');

    // 3. Sign out.
    await logout(page);

    // 4. The new officer signs in and is sent to the password page before anything else.
    await journey.login(page, username, initialPassword);
    await visible(page.getByTestId('password-forced'));
    expect(new URL(page.url()).pathname).toBe('/account/password');
    await page.goto(longChauUrl);
    await visible(page.getByTestId('password-forced'));
    await shot(page, '04-officer-forced-password');
    await page.getByTestId('password-current').fill(initialPassword);
    await page.getByTestId('password-new').fill(newPassword);
    await page.getByTestId('password-confirm').fill(newPassword);
    await page.getByTestId('password-submit').click();

    // 5. Their ward opens.
    const mine = page.getByTestId('my-unit-link').filter({ hasText: 'Phường Long Châu' });
    await visible(mine);
    await mine.click();
    await hasText(page.getByTestId('page-title'), 'Phường Long Châu');
    await visible(page.getByTestId('add-village'));
    await shot(page, '05-officer-long-chau');

    // 6. Another ward, typed into the address bar: refused.
    await page.goto(`${journey.url}/units/${traVinh!.id}`);
    await visible(page.getByTestId('not-found'));
    await hasText(page.getByTestId('not-found'), 'Không tìm thấy hoặc bạn không có quyền xem');
    const last = await shot(page, '06-officer-refused-tra-vinh');
    expect(existsSync(last)).toBe(true);
  });

  it('on a phone the menu is a drawer and the page does not scroll sideways', async () => {
    const page = await journey.newPage({ viewport: { width: 375, height: 812 } });
    await journey.login(page, 'admin', DEMO_PASSWORD);
    await visible(page.getByTestId('unit-search'));
    await page.getByTestId('nav-toggle').click();
    await page.getByTestId('nav-agencies').click();
    await hasText(page.getByTestId('agency-table'), 'Sở Giáo dục và Đào tạo');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await shot(page, '07-phone-agencies');
  });
});
