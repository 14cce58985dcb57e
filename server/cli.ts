import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { sql } from 'drizzle-orm';
import { createServices } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase, rowsOf, type DatabaseHandle } from './db/client.ts';
import { systemActor } from './lib/actor.ts';
import { AppError } from './lib/errors.ts';
import { loadDemo, DEMO_PASSWORD } from './modules/demo/demo.ts';
import { knownProvinceCodes } from './modules/units/units.import.ts';
import { ROLES, ROLE_SCOPE, type Role } from '../shared/domain/roles.ts';
import { UserCreate } from '../shared/contracts/users.ts';
import { useVietnameseValidationMessages } from '../shared/contracts/zod-locale.ts';
import { PlanCommitInput, previewToCommit } from '../shared/contracts/plans.ts';
import { foldForSearch } from '../shared/text.ts';
import { readPlan } from './modules/plans/plans.import.ts';

// The same services as the HTTP API, called as the system actor; every write is audited under "xhht-cli".
async function withServices<T>(fn: (s: ReturnType<typeof createServices>, db: DatabaseHandle, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config.database.kind === 'postgres' ? config.database : { kind: 'pglite', dataDir: config.database.dataDir });
  try {
    await database.migrate();
    return await fn(createServices(config, { database }), database, config);
  } finally {
    await database.close();
  }
}

const program = new Command('xhht').description('XHHT: công cụ dòng lệnh (cùng mã nguồn với máy chủ)').showHelpAfterError();

const db = program.command('db').description('Cơ sở dữ liệu');
db.command('migrate')
  .description('Áp dụng các migration (PGlite hoặc PostgreSQL theo DATABASE_URL)')
  .action(() => withServices(async (_s, d) => console.log(`Đã cập nhật lược đồ CSDL (${d.kind}).`)));

program
  .command('demo')
  .description('Dữ liệu mẫu')
  .command('load')
  .description('Nạp tỉnh mẫu Vĩnh Long (86), các cơ quan chuẩn và tài khoản demo')
  .action(() =>
    withServices(async (s, d) => {
      const accounts = await loadDemo(d.db, s, systemActor());
      console.log(`Đã nạp tỉnh mẫu. Tài khoản demo (mật khẩu: ${DEMO_PASSWORD}):`);
      for (const a of accounts) console.log(`  ${a.username.padEnd(10)} ${a.role.padEnd(20)} ${a.scope}`);
    }),
  );

const units = program.command('units').description('Đơn vị hành chính');
units
  .command('import')
  .description('Nạp danh mục đơn vị hành chính chính thức (từ 01/7/2025) kèm đơn vị cũ, bảng chuyển đổi và cơ quan chuẩn')
  .option('-p, --province <code>', 'mã tỉnh 2 chữ số, ví dụ 86; bỏ trống để nạp cả 34 tỉnh', (v) => {
    if (!knownProvinceCodes().some((p) => p.code === v)) throw new InvalidArgumentError(`không có tỉnh mã "${v}". Các mã: ${knownProvinceCodes().map((p) => p.code).join(', ')}`);
    return v;
  })
  .action((opts: { province?: string }) =>
    withServices(async (s) => {
      const started = Date.now();
      const r = await s.units.importOfficial(systemActor(), opts.province ? { provinceCode: opts.province } : {});
      console.log(
        `Đã nạp ${r.provinces} tỉnh, ${r.communes} xã/phường/đặc khu; ${r.formerProvinces} tỉnh, ${r.formerDistricts} huyện, ${r.formerCommunes} xã cũ; ` +
          `${r.successions} liên kết cũ→mới; ${r.agenciesCreated} cơ quan mới (${Date.now() - started} ms).`,
      );
    }),
  );

const user = program.command('user').description('Tài khoản');
user
  .command('create')
  .description('Tạo tài khoản (hoặc cập nhật vai trò nếu đã có)')
  .requiredOption('-u, --username <username>', 'tên đăng nhập')
  .requiredOption('-n, --name <displayName>', 'họ tên hiển thị')
  .requiredOption('-r, --role <role>', `vai trò: ${ROLES.join(', ')}`)
  .option('--password <password>', 'mật khẩu ban đầu (hoặc biến môi trường XHHT_PASSWORD); người dùng phải đổi khi đăng nhập lần đầu')
  .option('--unit <code>', 'mã đơn vị phạm vi (tỉnh 2 chữ số, xã 5 chữ số)')
  .option('--agency <name>', 'tên hoặc tên viết tắt cơ quan phạm vi (tìm không dấu)')
  .option('--province <code>', 'mã tỉnh của cơ quan khi tìm theo tên')
  .option('--email <email>')
  .action((o: { username: string; name: string; role: string; password?: string; unit?: string; agency?: string; province?: string; email?: string }) =>
    withServices(async (s, d) => {
      if (!ROLES.includes(o.role as Role)) throw new AppError('VALIDATION_FAILED', `Vai trò "${o.role}" không có. Các vai trò: ${ROLES.join(', ')}`);
      const role = o.role as Role;
      let unitId: string | null = null;
      let agencyId: string | null = null;
      if (ROLE_SCOPE[role] === 'unit') {
        if (!o.unit) throw new AppError('VALIDATION_FAILED', `Vai trò ${role} cần --unit <mã đơn vị>.`);
        const [u] = rowsOf<{ id: string }>(await d.db.execute(sql`SELECT id FROM admin_units WHERE edition = '2025' AND level IN ('province', 'commune') AND code = ${o.unit}`));
        if (!u) throw new AppError('VALIDATION_FAILED', `Không có đơn vị mã ${o.unit} (đã nạp danh mục bằng "xhht units import" chưa?).`);
        unitId = u.id;
      } else if (ROLE_SCOPE[role] === 'agency') {
        if (!o.agency) throw new AppError('VALIDATION_FAILED', `Vai trò ${role} cần --agency <tên cơ quan>.`);
        const provinces = o.province ? (await s.units.search(systemActor(), { q: o.province, level: ['province'], edition: '2025', limit: 1 })).map((p) => p.id) : [];
        const found = await s.agencies.list(systemActor(), { q: o.agency, limit: 5, offset: 0, includeInactive: false, ...(provinces[0] ? { provinceId: provinces[0] } : {}) });
        if (found.total !== 1) {
          throw new AppError('VALIDATION_FAILED', found.total === 0 ? `Không tìm thấy cơ quan "${o.agency}".` : `"${o.agency}" khớp ${found.total} cơ quan: ${found.items.map((a) => a.name).join('; ')}. Hãy ghi rõ hơn hoặc thêm --province.`);
        }
        agencyId = found.items[0]!.id;
      }
      const password = o.password ?? process.env.XHHT_PASSWORD;
      if (!password) throw new AppError('VALIDATION_FAILED', 'Cần --password hoặc biến môi trường XHHT_PASSWORD.');
      const input = UserCreate.parse({ username: o.username, displayName: o.name, email: o.email ?? null, password, grants: [{ role, unitId, agencyId }] });
      const created = await s.users.createOrUpdateByUsername(systemActor(), input);
      console.log(`Tài khoản ${created.username}: ${created.grants.map((g) => `${g.role} @ ${g.unitName ?? g.agencyName ?? 'toàn hệ thống'}`).join(', ')}`);
    }),
  );

const plan = program.command('plan').description('Kế hoạch');
plan
  .command('import')
  .description('Đọc văn bản kế hoạch (DOCX, XLSX, PDF, TXT/MD): in ra những gì đọc được; --commit để lưu thành kế hoạch')
  .argument('<file>', 'tệp kế hoạch')
  .option('--json', 'in kết quả dạng JSON')
  .option('-p, --province <code>', 'mã tỉnh (mặc định: tỉnh nêu trong văn bản)')
  .option('--commit', 'lưu vào CSDL thành kế hoạch (dự thảo); tên cơ quan chưa khớp được giữ nguyên để xử lý sau')
  .action(async (file: string, o: { json?: boolean; province?: string; commit?: boolean }) => {
    const bytes = new Uint8Array(await readFile(file));
    const provinceName = o.province ? knownProvinceCodes().find((p) => p.code === o.province)?.name : undefined;
    if (o.province && !provinceName) throw new AppError('VALIDATION_FAILED', `Không có tỉnh mã "${o.province}".`);
    if (!o.commit) {
      // Works on a fresh clone with no database: agencies are matched against the standard catalogue.
      const { result } = await readPlan(bytes, path.basename(file), provinceName ? { name: provinceName } : null, null);
      if (o.json) console.log(JSON.stringify(result, null, 2));
      else printSummary(result);
      return;
    }
    await withServices(async (s, d) => {
      const name = provinceName ?? (await readPlan(bytes, path.basename(file), null, null)).result.plan.issuer ?? '';
      const code = o.province ?? knownProvinceCodes().find((p) => foldForSearch(name).includes(foldForSearch(p.name.replace(/^(Tỉnh|Thành phố) /u, ''))))?.code;
      const [province] = rowsOf<{ id: string }>(await d.db.execute(sql`SELECT id FROM admin_units WHERE edition = '2025' AND level = 'province' AND code = ${code ?? ''}`));
      if (!province) throw new AppError('VALIDATION_FAILED', 'Không xác định được tỉnh của kế hoạch (hoặc tỉnh chưa được nạp): dùng --province <mã> sau "xhht units import".');
      const preview = await s.plans.preview(systemActor(), province.id, { filename: path.basename(file), bytes });
      const id = await s.plans.commit(systemActor(), PlanCommitInput.parse(previewToCommit(preview)));
      printSummary(preview);
      console.log(`Đã lưu kế hoạch (dự thảo): ${id}`);
    });
  });

program
  .command('reminders')
  .description('Nhắc nộp báo cáo')
  .command('run')
  .description('Gửi các lời nhắc đến hạn hôm nay (trước và sau hạn nộp) cho xã, cơ quan chưa gửi báo cáo: thông báo trong hệ thống, và thư điện tử nếu có SMTP_URL. Chạy lại không gửi trùng; dùng cho cron khi REMINDER_INTERVAL_MINUTES=0')
  .action(() =>
    withServices(async (s, _d, config) => {
      const r = await s.reminders.runReminders();
      console.log(
        `Nhắc nộp báo cáo (${r.today}): ${r.reminded} xã, cơ quan được nhắc; ${r.notifications} thông báo, ` +
          (config.mail.smtpUrl ? `${r.emails} thư điện tử, ${r.emailFailures} thư chưa gửi được (sẽ gửi lại lần sau)` : 'không gửi thư điện tử (chưa cấu hình SMTP_URL)') +
          `; ${r.withoutRecipients} xã, cơ quan chưa có tài khoản để nhắc${r.errors ? `; ${r.errors} lỗi` : ''}.`,
      );
      if (r.errors) process.exitCode = 1;
    }),
  );

function printSummary(r: { plan: { title: string | null; number: string | null }; targets: unknown[]; tasks: unknown[]; warnings: { line: number | null; message: string }[] }) {
  console.log(`${r.plan.number ?? '(chưa có số)'} — ${r.plan.title ?? '(chưa có tiêu đề)'}`);
  console.log(`${r.targets.length} chỉ tiêu, ${r.tasks.length} nhiệm vụ, ${r.warnings.length} cảnh báo`);
  for (const w of r.warnings) console.log(`  dòng ${w.line ?? '?'}: ${w.message}`);
}

useVietnameseValidationMessages();
program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof AppError) console.error(err.message + (err instanceof AppError && err.details ? '\n' + err.details.map((d) => `  - ${d.path}: ${d.message}`).join('\n') : ''));
  else if (err && typeof err === 'object' && 'issues' in err) console.error('Dữ liệu không hợp lệ:\n' + (err as { issues: { path: PropertyKey[]; message: string }[] }).issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n'));
  else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
