import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'xhht-cli-'));
const env = { ...process.env, DATA_DIR: path.join(dir, 'db'), DATABASE_URL: '' };
const xhht = (...args: string[]) => exec(process.execPath, ['bin/xhht.mjs', ...args], { env, cwd: path.resolve(import.meta.dirname, '..') });

// `npx xhht` is the server's own code run from the command line, on a fresh data folder.
describe('xhht command line', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates, imports one province with its standard agencies, and creates a scoped account', async () => {
    expect((await xhht('db', 'migrate')).stdout).toContain('pglite');
    const imported = await xhht('units', 'import', '--province', '92');
    expect(imported.stdout).toMatch(/1 tỉnh, 103 xã\/phường\/đặc khu/);
    const agency = await xhht('user', 'create', '-u', 'ct.vhttdl', '-n', 'Cán bộ Sở VHTTDL', '-r', 'agencyOfficer', '--agency', 'so van hoa', '--password', 'mat-khau-dai-2026');
    expect(agency.stdout).toContain('agencyOfficer @ Sở Văn hóa, Thể thao và Du lịch');
  }, 120_000);

  it('refuses an unknown province code and an account without its scope, saying why', async () => {
    await expect(xhht('units', 'import', '--province', '99')).rejects.toMatchObject({ stderr: expect.stringContaining('không có tỉnh mã "99"') });
    await expect(xhht('user', 'create', '-u', 'abc', '-n', 'X', '-r', 'communeOfficer', '--password', 'mat-khau-dai-2026')).rejects.toMatchObject({ stderr: expect.stringContaining('--unit') });
  }, 120_000);
});
