import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PlanImportResult as PlanImportResultSchema, type ImportedTask, type PlanImportResult } from '../../../../shared/contracts/plan-import.ts';
import { standardCatalogue } from '../../../../shared/domain/agency-matcher.ts';
import * as fx from '../../../../test/fixtures/plans/build.ts';
import { extractDocument } from './extract.ts';
import { parsePlan } from './parse-plan.ts';
import { dedupeHalves, splitDeliverables } from './parse-table-tasks.ts';

const FIXTURES = new URL('../../../../test/fixtures/plans/', import.meta.url);

async function sample(name: string): Promise<PlanImportResult> {
  return parsePlan(await extractDocument(readFileSync(new URL(name, FIXTURES)), name), {});
}
async function parseText(text: string, opts: Parameters<typeof parsePlan>[1] = {}): Promise<PlanImportResult> {
  return parsePlan(await extractDocument(new TextEncoder().encode(text), 'plan.txt'), opts);
}
const byCode = (r: PlanImportResult, code: string): ImportedTask => {
  const t = r.tasks.find((x) => x.code === code);
  if (!t) throw new Error(`no task ${code}; codes: ${r.tasks.map((x) => x.code).join(', ')}`);
  return t;
};
const names = (refs: ImportedTask['leads']) => refs.map((r) => r.agency ?? r.group ?? `?${r.raw}`);
const messages = (r: PlanImportResult) => r.warnings.map((w) => w.message);

describe('parsePlan: the Vĩnh Long appendix task table (000)', () => {
  let r: PlanImportResult;
  beforeAll(async () => {
    r = await sample('000_e35a57ecf8b44306.txt');
  });

  it('gives a result the contract accepts', () => {
    expect(() => PlanImportResultSchema.parse(r)).not.toThrow();
  });

  it('finds every numbered task row with its section', () => {
    const sections: Record<string, string> = {
      '1': '1. Triển khai, tuyên truyền, phổ biến, nâng cao nhận thức về xây dựng XHHT',
      '2': '2. Đẩy mạnh thực hiện chuyển đổi số và ứng dụng công nghệ thông tin trong tổ chức các hoạt động HTSD',
      '3': '3. Phát triển các mô hình học tập, nâng cao chất lượng GDTX và PCGD',
      '4': '4. Tăng cường công tác xã hội hóa hỗ trợ HTSD',
      '5': '5. Tăng cường hợp tác quốc tế trong lĩnh vực HTSD, xây dựng XHHT và phát triển công nghệ đào tạo mở và từ xa',
    };
    const numbered = ['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '4.1', '4.2', '5.1', '5.2', '5.3'];
    expect(r.tasks.filter((t) => !t.parentCode).map((t) => t.code)).toEqual(numbered);
    for (const code of numbered) expect(byCode(r, code).section).toBe(sections[code.split('.')[0]!]);
    expect(r.tasks).toHaveLength(26);
    expect(r.targets).toEqual([]);
  });

  it('keeps the unnumbered sub-rows as sub-tasks coded after their parent, in their parent section', () => {
    const subs = r.tasks.filter((t) => t.parentCode).map((t) => [t.code, t.parentCode]);
    expect(subs).toEqual([
      ['2.1.a', '2.1'],
      ['3.2.a', '3.2'],
      ['3.2.b', '3.2'],
      ['3.2.c', '3.2'],
      ['3.4.a', '3.4'],
      ['3.4.b', '3.4'],
      ['3.4.c', '3.4'],
      ['3.4.d', '3.4'],
    ]);
    expect(byCode(r, '2.1.a').title).toMatch(/^Xây dựng và thực hiện Kế hoạch nhân rộng các mô hình HTSD/);
    expect(names(byCode(r, '2.1.a').leads)).toEqual(['Sở Văn hóa, Thể thao và Du lịch']);
    expect(byCode(r, '3.4.a').title).toBe('Củng cố mô hình Hội Khuyến học cấp xã');
    expect(byCode(r, '3.4.d').section).toBe(byCode(r, '3.4').section);
    // The parent rows carry no agency of their own and are not flagged for it.
    expect(byCode(r, '3.4').leads).toEqual([]);
    expect(r.warnings.filter((w) => w.line === 31)).toEqual([]);
  });

  it('gives the TT number printed beside a sub-row to the heading row above it (3.2), and says so', () => {
    expect(byCode(r, '3.2').title).toBe('Đổi mới chương trình, nội dung và phương pháp giáo dục trong các cơ sở GDTX');
    expect(byCode(r, '3.2').line).toBe(26);
    expect(byCode(r, '3.2.b').title).toBe('Đối với các trung tâm HTCD');
    expect(r.warnings).toContainEqual({ line: 28, message: expect.stringMatching(/^Số 3\.2 nằm ở một ý con/) });
  });

  it('loses no text from rows cut by a page break', () => {
    const t13 = byCode(r, '1.3');
    expect(t13.title).toContain('Đề án hỗ trợ đào tạo nghề trình độ sơ cấp, đào tạo dưới 03 tháng cho người lao động ở khu vực nông thôn');
    expect(t13.title).toMatch(/giai đoạn 2026 - 2030$/);
    expect(names(byCode(r, '2.3').leads)).toEqual(['?Trường Cao đẳng, Đại học', 'Sở Giáo dục và Đào tạo', 'Báo và Phát thanh, Truyền hình Vĩnh Long']);
    const t52 = byCode(r, '5.2');
    expect(t52.title).toBe('Đẩy mạnh vận động, khuyến khích đội ngũ trí thức tài năng; người Việt Nam ở nước ngoài tham gia đóng góp với hoạt động khuyến học, khuyến tài và xây dựng XHHT');
    expect(t52.deliverables).toEqual(['Văn bản chỉ đạo, điều hành', 'báo cáo']);
  });

  it('reads a merged cell that holds its text twice once (1.3)', () => {
    const t = byCode(r, '1.3');
    expect(names(t.leads)).toEqual(['Sở Giáo dục và Đào tạo']);
    expect(t.deliverables).toEqual(['Nghị quyết của Hội đồng nhân dân tỉnh']);
    expect(t.schedule.raw).toBe('2026');
    expect(t.schedule.kind).toBe('once');
  });

  it('matches every lead agency or flags it', () => {
    const leads = r.tasks.flatMap((t) => t.leads);
    expect(leads).toHaveLength(45);
    const unmatched = leads.filter((l) => !l.agency && !l.group).map((l) => l.raw);
    expect(unmatched).toEqual(['Trường Cao đẳng, Đại học']);
    expect(leads.filter((l) => l.agency)).toHaveLength(38);
    expect(r.warnings.filter((w) => w.message.startsWith('Không khớp cơ quan'))).toEqual([{ line: 20, message: 'Không khớp cơ quan: Trường Cao đẳng, Đại học' }]);
  });

  it('splits deliverables that list products and keeps a product with a comma in its name whole', () => {
    expect(byCode(r, '1.2').deliverables).toEqual(['Văn bản', 'tài liệu', 'tin bài', 'phóng sự']);
    expect(byCode(r, '2.2').deliverables).toEqual(['Văn bản', 'tài liệu', 'học liệu', 'tin bài', 'phóng sự']);
    expect(byCode(r, '2.1').deliverables).toEqual(['Văn bản chỉ đạo, điều hành', 'báo cáo']);
  });

  it('reads the composite timelines into two milestones and the others through parseSchedule', () => {
    const composite = r.tasks.filter((t) => t.schedule.raw.startsWith('Ban hành Kế hoạch: Quý I/2026. Thực hiện'));
    expect(composite.map((t) => t.code)).toEqual(['1.1', '1.2', '3.3']);
    for (const t of composite) {
      expect(t.schedule.kind).toBe('composite');
      expect(t.schedule.milestones).toHaveLength(2);
    }
    expect(byCode(r, '1.4').schedule.kind).toBe('onEvent');
    expect(byCode(r, '2.1').schedule.kind).toBe('yearly');
    expect(r.warnings.some((w) => w.message.startsWith('Không đọc được thời gian'))).toBe(false);
  });

  it('reads the header of an appendix: blank number and date flagged, period from the text, issuer from the number', () => {
    expect(r.plan).toEqual({
      title: 'PHÂN CÔNG ĐƠN VỊ CHỦ TRÌ, PHỐI HỢP THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP',
      number: null,
      issuer: 'Ủy ban nhân dân tỉnh Vĩnh Long',
      issuedOn: null,
      periodStart: 2026,
      periodEnd: 2030,
    });
    expect(r.warnings).toContainEqual({ line: 5, message: expect.stringMatching(/^Số kế hoạch để trống/) });
    expect(r.warnings).toContainEqual({ line: 5, message: expect.stringMatching(/^Ngày ban hành để trống/) });
    expect(r.warnings).toHaveLength(6);
  });
});

describe('parsePlan: the Cần Thơ 2024 plan (003)', () => {
  let r: PlanImportResult;
  beforeAll(async () => {
    r = await sample('003_1a817ee72b993e3e.txt');
  });

  it('gives a result the contract accepts', () => {
    expect(() => PlanImportResultSchema.parse(r)).not.toThrow();
  });

  it('reads the header: number, date, title, one-year period and the steering committee as issuer', () => {
    expect(r.plan).toEqual({
      title: 'Xây dựng xã hội học tập năm 2024 trên địa bàn thành phố Cần Thơ',
      number: '74/KH-BCĐ',
      issuer: 'Ban Chỉ đạo Xây dựng xã hội học tập - Xóa mù chữ - Phổ cập giáo dục thành phố Cần Thơ',
      issuedOn: '2024-05-04',
      periodStart: 2024,
      periodEnd: 2024,
    });
  });

  it('reads every target of "2. Mục tiêu cụ thể năm 2024" with its value, comparator and group', () => {
    expect(r.targets.map((t) => [t.line, t.value, t.unit, t.comparator, t.year, t.group])).toEqual([
      [38, 100, '%', 'exact', 2024, 'literacy'],
      [39, 100, '%', 'exact', 2024, 'literacy'],
      [40, 100, '%', 'exact', 2024, 'literacy'],
      [40, 66, '%', 'aimFor', 2024, 'literacy'],
      [41, 100, '%', 'exact', 2024, 'literacy'],
      [46, 90, '%', 'aimFor', 2024, 'competences'],
      [47, 90, '%', 'aimFor', 2024, 'competences'],
      [48, 30, '%', 'aimFor', 2024, 'competences'],
      [48, 15, '%', 'aimFor', 2024, 'competences'],
      [50, 90, '%', 'aimFor', 2024, 'institutions'],
      [51, 90, '%', 'aimFor', 2024, 'institutions'],
      [52, 90, '%', 'aimFor', 2024, 'institutions'],
      [54, 55.55, '%', 'aimFor', 2024, 'learningModels'],
      [55, 80, '%', 'aimFor', 2024, 'learningModels'],
    ]);
  });

  it('normalises indicators: figure, comparator and filler words removed, first letter in lower case', () => {
    const ind = r.targets.map((t) => t.indicator);
    expect(ind[0]).toBe('quận, huyện đạt chuẩn phổ cập giáo dục mầm non cho trẻ mẫu giáo');
    expect(ind[6]).toBe('số người trong độ tuổi lao động được trang bị kỹ năng sống');
    expect(ind[12]).toBe('đơn vị được đánh giá, công nhận theo mức độ “Đơn vị học tập” cấp huyện, cấp thành phố');
  });

  it('gives a sentence with two figures two targets, each with its own indicator and the sentence as text', () => {
    const [a, b] = r.targets.filter((t) => t.line === 48);
    expect(a!.indicator).toBe('dân số từ 15 tuổi trở lên được đào tạo trình độ chuyên môn kỹ thuật');
    expect(b!.indicator).toBe('dân số có trình độ đại học trở lên');
    expect(a!.text).toBe('Phần đầu đạt tỷ lệ 30% dân số từ 15 tuổi trở lên được đào tạo trình độ chuyên môn kỹ thuật; trong đó, 15% dân số có trình độ đại học trở lên');
    expect(b!.text).toBe(a!.text);
    const [c, d] = r.targets.filter((t) => t.line === 40);
    expect([c!.indicator, d!.indicator]).toEqual(['quận, huyện đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 2', 'quận, huyện đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 3']);
  });

  it('turns the numbered items of "III. NHIỆM VỤ VÀ GIẢI PHÁP" into tasks and their lettered items into sub-tasks', () => {
    const prose = r.tasks.filter((t) => t.section === 'III. NHIỆM VỤ VÀ GIẢI PHÁP');
    expect(prose.map((t) => t.code)).toEqual(
      ['1', '1.a', '1.b', '1.c', '2', '2.a', '2.b', '2.c', '2.d', '2.đ', '3', '3.a', '3.b', '3.c', '3.d', '4', '4.a', '4.b', '4.c', '4.d', '5', '5.a', '5.b', '5.c', '5.d', '5.đ', '6', '6.a', '6.b', '6.c', '6.d'],
    );
    expect(byCode(r, '1').title).toBe('Tuyên truyền, phổ biến, nâng cao nhận thức về xây dựng xã hội học tập');
    expect(byCode(r, '1.a').parentCode).toBe('1');
    // A line broken mid-sentence by the extraction is joined back.
    expect(byCode(r, '1.a').title).toContain('trong điều kiện phát triển nền kinh tế số, xã hội số');
    expect(byCode(r, '1.b').schedule).toMatchObject({ raw: 'Hàng năm', kind: 'yearly' });
    // The list under 3.a stays in its description; the title drops the closing "cụ thể:".
    expect(byCode(r, '3.a').title).toMatch(/các thiết chế văn hóa$/);
    expect(byCode(r, '3.a').description).toContain('- Cơ sở giáo dục nghề nghiệp: Đổi mới các phương thức đào tạo');
    expect(r.warnings).toContainEqual({ line: 57, message: expect.stringMatching(/31 nhiệm vụ viết dạng văn xuôi, không ghi cơ quan chủ trì/) });
  });

  it('turns each responsibility of "V. TỔ CHỨC THỰC HIỆN" into a task led by its agency', () => {
    const resp = r.tasks.filter((t) => t.section === 'Tổ chức thực hiện');
    expect(resp.map((t) => `${t.code} ${names(t.leads).join(' + ')}`)).toEqual([
      'V.1.a Sở Giáo dục và Đào tạo',
      'V.1.b Sở Giáo dục và Đào tạo',
      'V.1.c Sở Giáo dục và Đào tạo',
      'V.1.d Sở Giáo dục và Đào tạo',
      'V.2 Sở Nội vụ',
      'V.3 ?Sở Lao động - Thương binh và Xã hội',
      'V.4 ?Sở Thông tin và Truyền thông',
      'V.5 Sở Văn hóa, Thể thao và Du lịch',
      'V.6 Sở Tài chính',
      'V.7.a Bộ Chỉ huy Quân sự thành phố',
      'V.7.b Bộ Chỉ huy Quân sự thành phố',
      'V.8 Công an thành phố',
      'V.9 ?Ban Dân tộc',
      'V.10 ?Ban Tuyên giáo Thành ủy',
      'V.11.a Ủy ban Mặt trận Tổ quốc Việt Nam thành phố',
      'V.11.b Liên đoàn Lao động thành phố',
      'V.11.c.1 Thành đoàn',
      'V.11.c.2 Thành đoàn',
      'V.11.d Hội Liên hiệp Phụ nữ thành phố',
      'V.11.đ Hội Cựu chiến binh thành phố + Hội Nông dân thành phố',
      'V.12 Hội Người cao tuổi thành phố',
      'V.13 Hội Khuyến học thành phố',
      'V.14.a ?Ủy ban nhân dân quận, huyện',
      'V.14.b ?Ủy ban nhân dân quận, huyện',
      'V.14.c ?Ủy ban nhân dân quận, huyện',
    ]);
    expect(byCode(r, 'V.2').title).toMatch(/^Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan/);
    expect(names(byCode(r, 'V.6').coordinators)).toEqual(['Sở Giáo dục và Đào tạo', '?Ủy ban nhân dân quận, huyện']);
    // A very long responsibility: the title is its first sentence, the description the whole text.
    const v4 = byCode(r, 'V.4');
    expect(v4.title.length).toBeLessThanOrEqual(241);
    expect(v4.description).toMatch(/phối hợp với Sở Giáo dục và Đào tạo triển khai thực hiện hiệu quả chuyển đổi số/);
  });

  it('flags each unmatched agency once, with the lines it appears on', () => {
    expect(r.warnings.filter((w) => w.message.startsWith('Không khớp cơ quan')).map((w) => w.message.replace(/ \(.*$/, ''))).toEqual([
      'Không khớp cơ quan: Ủy ban nhân dân quận, huyện',
      'Không khớp cơ quan: Sở Lao động - Thương binh và Xã hội',
      'Không khớp cơ quan: Sở Thông tin và Truyền thông',
      'Không khớp cơ quan: Ban Dân tộc',
      'Không khớp cơ quan: Ban Tuyên giáo Thành ủy',
    ]);
    expect(messages(r)).toContain('Không khớp cơ quan: Ủy ban nhân dân quận, huyện (13 lần, dòng 149, 161, 165, 173, 177, 181, 189, 193, 201, 203, 229, 231, 233)');
  });

  it('leaves no Markdown mark in titles, sections or indicators', () => {
    const texts = [...r.tasks.flatMap((t) => [t.title, t.section ?? '']), ...r.targets.map((t) => t.indicator), r.plan.title ?? ''];
    for (const s of texts) expect(s).not.toMatch(/\*|^#|__/);
  });
});

describe('parsePlan: the Vĩnh Long communication plan (002)', () => {
  let r: PlanImportResult;
  beforeAll(async () => {
    r = await sample('002_97178758d57da6a3.txt');
  });

  it('reads the header of a draft: blank number and date flagged, title over two lines, the department as issuer', () => {
    expect(() => PlanImportResultSchema.parse(r)).not.toThrow();
    expect(r.plan).toEqual({
      title: 'Truyền thông về xây dựng xã hội học tập giai đoạn 2026 -2030 trên địa bàn tỉnh Vĩnh Long',
      number: null,
      issuer: 'Sở Văn hóa, Thể thao và Du lịch',
      issuedOn: null,
      periodStart: 2026,
      periodEnd: 2030,
    });
    expect(r.warnings).toContainEqual({ line: 3, message: 'Số kế hoạch để trống (“Số: /KH-SVHTTDL”): nhập số khi văn bản được ban hành' });
    expect(r.warnings).toContainEqual({ line: 5, message: 'Ngày ban hành để trống hoặc không đọc được (“Vĩnh Long, ngày tháng năm 2026”)' });
  });

  it('turns the content and channel items into tasks timed by the part\'s "Thời gian thực hiện"', () => {
    const content = r.tasks.filter((t) => t.section === 'II. NỘI DUNG, PHƯƠNG THỨC VÀ THỜI GIAN THÔNG TIN, TUYÊN TRUYỀN');
    expect(content.map((t) => t.code)).toEqual(['1', '1.a', '1.b', '1.c', '1.d', '1.đ', '2', '2.a', '2.b', '2.c']);
    expect(byCode(r, '1').title).toBe('Nội dung tuyên truyền');
    expect(byCode(r, '1.c').title).toMatch(/^Tuyên truyền về “Tuần lễ hưởng ứng học tập suốt đời”/);
    for (const t of content) expect(t.schedule.raw).toBe('Giai đoạn năm 2026 - 2030');
    expect(r.targets).toEqual([]);
  });

  it('turns the responsibilities into tasks led by the agency of their heading', () => {
    const resp = r.tasks.filter((t) => t.section === 'Tổ chức thực hiện');
    expect(resp.map((t) => `${t.code} ${names(t.leads).join(' + ')}`)).toEqual([
      'III.1.a Sở Văn hóa, Thể thao và Du lịch',
      'III.1.b Sở Văn hóa, Thể thao và Du lịch',
      'III.1.c Sở Văn hóa, Thể thao và Du lịch',
      'III.2.1 Sở Giáo dục và Đào tạo',
      'III.2.2.a Các sở, ban, ngành',
      'III.2.2.b Các sở, ban, ngành',
      'III.2.3 Hội Khuyến học tỉnh',
      'III.2.4.a Báo và Phát thanh, Truyền hình Vĩnh Long',
      'III.2.4.b Báo và Phát thanh, Truyền hình Vĩnh Long',
      'III.2.5.a UBND các xã, phường',
      'III.2.5.b UBND các xã, phường',
      'III.2.5.c UBND các xã, phường',
    ]);
    // Line 79 was broken mid-sentence ("… làm việc" / "trong các thiết chế …").
    expect(byCode(r, 'III.1.c').title).toContain('nguồn nhân lực làm việc trong các thiết chế văn hóa - thể thao');
    expect(names(byCode(r, 'III.2.1').coordinators)).toEqual(['Sở Văn hóa, Thể thao và Du lịch']);
    // The closing paragraph ("Đề nghị các đơn vị … nếu có khó khăn, vướng mắc …") is not a task.
    expect(r.tasks.some((t) => t.line >= 115)).toBe(false);
  });

  it('flags the duplicated Roman numeral of its parts', () => {
    expect(r.warnings).toContainEqual({ line: 63, message: 'Mục La Mã “II” bị lặp (có lẽ là “III”); giữ nguyên như văn bản' });
  });
});

describe('parsePlan: other layouts of the family', () => {
  it('reads targets under headings that name the milestone year, with "+" and "-" bullets', async () => {
    const r = await parseText(
      [
        'Số: 12/KH-UBND',
        'Đồng Tháp, ngày 15 tháng 01 năm 2026',
        'KẾ HOẠCH',
        'Xây dựng xã hội học tập giai đoạn 2026 - 2030',
        'I. MỤC TIÊU',
        '2.1. Mục tiêu đến năm 2025',
        '+ 70% xã, phường đạt chuẩn xóa mù chữ mức độ 2;',
        '+ Phấn đấu 50% người trong độ tuổi lao động được trang bị năng lực thông tin;',
        '+ Ít nhất 1.200 người được công nhận “Công dân học tập”.',
        '2.2. Mục tiêu đến năm 2030',
        '- Trên 80% trường đại học triển khai đại học số và học liệu số;',
        '- 70% gia đình đạt danh hiệu “Gia đình học tập”, 65% dòng họ đạt danh hiệu “Dòng họ học tập”;',
        '- Tỷ lệ người dân từ 15 tuổi trở lên biết chữ đạt 99,5% trở lên.',
      ].join('\n'),
    );
    expect(r.plan).toMatchObject({ number: '12/KH-UBND', issuedOn: '2026-01-15', issuer: 'Ủy ban nhân dân tỉnh Đồng Tháp', periodStart: 2026, periodEnd: 2030 });
    expect(r.targets.map((t) => [t.year, t.value, t.unit, t.comparator, t.group, t.indicator])).toEqual([
      [2025, 70, '%', 'exact', 'literacy', 'xã, phường đạt chuẩn xóa mù chữ mức độ 2'],
      [2025, 50, '%', 'aimFor', 'competences', 'người trong độ tuổi lao động được trang bị năng lực thông tin'],
      [2025, 1200, 'người', 'atLeast', 'learningModels', 'người được công nhận “Công dân học tập”'],
      [2030, 80, '%', 'moreThan', 'institutions', 'trường đại học triển khai đại học số và học liệu số'],
      [2030, 70, '%', 'exact', 'learningModels', 'gia đình đạt danh hiệu “Gia đình học tập”'],
      [2030, 65, '%', 'exact', 'learningModels', 'dòng họ đạt danh hiệu “Dòng họ học tập”'],
      [2030, 99.5, '%', 'atLeast', 'literacy', 'tỷ lệ người dân từ 15 tuổi trở lên biết chữ'],
    ]);
  });

  it('names the issuing body printed in capitals at the top when the text does not say who issues the plan', async () => {
    const r = await parseText(
      ['UBND TỈNH ĐỒNG THÁP', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 5/KH-SGDĐT', 'Đồng Tháp, ngày 3 tháng 2 năm 2026', 'KẾ HOẠCH', 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2026', 'I. MỤC ĐÍCH'].join('\n'),
    );
    expect(r.plan).toEqual({
      title: 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2026',
      number: '5/KH-SGDĐT',
      issuer: 'Sở Giáo dục và Đào tạo',
      issuedOn: '2026-02-03',
      periodStart: 2026,
      periodEnd: 2026,
    });
  });

  it('joins a sentence broken across two lines before reading it, and takes the year a sentence names', async () => {
    const r = await parseText(
      [
        'KẾ HOẠCH',
        'Xây dựng xã hội học tập giai đoạn 2026 - 2030',
        'II. MỤC TIÊU CỤ THỂ',
        '- Phấn đấu đến năm 2030 có 90% trung tâm học tập cộng đồng ứng dụng công nghệ thông tin trong quản lý,',
        '',
        'tổ chức hoạt động giáo dục;',
        '- 100% cán bộ, hội viên Hội Khuyến học được quán triệt.',
      ].join('\n'),
    );
    expect(r.targets).toHaveLength(2);
    expect(r.targets[0]).toMatchObject({
      value: 90,
      comparator: 'aimFor',
      year: 2030,
      group: 'institutions',
      indicator: 'trung tâm học tập cộng đồng ứng dụng công nghệ thông tin trong quản lý, tổ chức hoạt động giáo dục',
      line: 4,
    });
    // No year in the heading or the sentence: the end of the plan period, and a warning.
    expect(r.targets[1]).toMatchObject({ value: 100, year: 2030, group: 'other', indicator: 'cán bộ, hội viên Hội Khuyến học được quán triệt' });
    expect(messages(r)).toContain('1 chỉ tiêu trong “II. MỤC TIÊU CỤ THỂ” không ghi năm; lấy năm cuối kỳ kế hoạch (2030)');
  });

  const romanTable = [
    'KẾ HOẠCH',
    'Thực hiện Đề án xây dựng xã hội học tập năm 2026',
    'Hà Nội, ngày 02 tháng 3 năm 2026',
    'STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tSản phẩm\tThời gian thực hiện\tKinh phí',
    'I\tCÔNG TÁC TUYÊN TRUYỀN\t\t\t\t\t',
    '1\tTổ chức Tuần lễ hưởng ứng học tập suốt đời\tSở GD&ĐT\tHội Khuyến học thành phố\tKế hoạch; báo cáo\tQuý IV/2026\t50 triệu đồng',
    '2\tXây dựng chuyên mục trên Báo và\tSở VHTTDL\tCác sở, ban, ngành\tTin bài, phóng sự\tHàng năm\t',
    '',
    'STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tSản phẩm\tThời gian thực hiện\tKinh phí',
    '\tPhát thanh, Truyền hình thành phố\t\t\t\t\t',
    'II\tPHÁT TRIỂN MÔ HÌNH HỌC TẬP\t\t\t\t\t',
    '1\tĐánh giá, công nhận “Cộng đồng học tập” cấp xã\tSở Giáo dục và Đào tạo\tUBND các xã, phường\tQuyết định công nhận\tTháng 12 hằng năm\t',
    'II\tHỢP TÁC QUỐC TẾ\t\t\t\t\t',
    '1\tTham gia mạng lưới thành phố học tập toàn cầu\tSở Ngoại vụ\t\tBáo cáo\tthỉnh thoảng\t',
  ].join('\n');

  it('reads a table with Roman-numeral sections, flags a duplicated "II" and keeps codes unique', async () => {
    const r = await parseText(romanTable);
    expect(r.plan).toMatchObject({ title: 'Thực hiện Đề án xây dựng xã hội học tập năm 2026', issuedOn: '2026-03-02', periodStart: 2026, periodEnd: 2026 });
    expect(r.tasks.map((t) => [t.code, t.section])).toEqual([
      ['I.1', 'I. CÔNG TÁC TUYÊN TRUYỀN'],
      ['I.2', 'I. CÔNG TÁC TUYÊN TRUYỀN'],
      ['II.1', 'II. PHÁT TRIỂN MÔ HÌNH HỌC TẬP'],
      ['II.1#2', 'II. HỢP TÁC QUỐC TẾ'],
    ]);
    expect(r.warnings).toContainEqual({ line: 13, message: 'Mục La Mã “II” bị lặp (có lẽ là “III”); giữ nguyên như văn bản' });
    expect(byCode(r, 'I.1')).toMatchObject({ budget: '50 triệu đồng', deliverables: ['Kế hoạch', 'báo cáo'] });
    expect(names(byCode(r, 'I.1').leads)).toEqual(['Sở Giáo dục và Đào tạo']);
    expect(byCode(r, 'II.1').schedule.kind).toBe('yearly');
    // Unknown timelines and agencies are flagged with their line.
    expect(r.warnings).toContainEqual({ line: 14, message: 'Không đọc được thời gian “thỉnh thoảng” (nhiệm vụ II.1#2)' });
    expect(r.warnings).toContainEqual({ line: 14, message: 'Không khớp cơ quan: Sở Ngoại vụ' });
  });

  it('joins a row continued on the next page, even when the continuation starts with a capital', async () => {
    const r = await parseText(romanTable);
    expect(byCode(r, 'I.2').title).toBe('Xây dựng chuyên mục trên Báo và Phát thanh, Truyền hình thành phố');
    expect(r.tasks).toHaveLength(4);
  });

  it('does not double a cell repeated on the next page and appends cell by cell', async () => {
    const r = await parseText(
      [
        'TT\tTên nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm/kết quả\tThời gian',
        '1.1\tRà soát, đánh giá kết quả xây dựng xã hội học tập trên địa bàn các xã,\tSở Giáo dục và Đào tạo\tUBND các xã, phường\tBáo\tHằng năm',
        '',
        'TT\tTên nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm/kết quả\tThời gian',
        '\tphường đặc khu.\tSở Giáo dục và Đào tạo\tHội Khuyến học tỉnh\tcáo\tHằng năm',
        '1.2\tTổ chức hội nghị sơ kết\tSở Giáo dục và Đào tạo\t\tBáo cáo\tNăm 2028',
      ].join('\n'),
      { provinceName: 'Tỉnh Lào Cai' },
    );
    expect(r.tasks).toHaveLength(2);
    const t = byCode(r, '1.1');
    expect(t.title).toBe('Rà soát, đánh giá kết quả xây dựng xã hội học tập trên địa bàn các xã, phường đặc khu');
    expect(names(t.leads)).toEqual(['Sở Giáo dục và Đào tạo']);
    expect(names(t.coordinators)).toEqual(['UBND các xã, phường', 'Hội Khuyến học tỉnh']);
    expect(t.deliverables).toEqual(['Báo cáo']);
    expect(t.schedule.raw).toBe('Hằng năm');
  });

  it('reads a table with missing columns: warns once, never crashes, keeps what is there', async () => {
    const r = await parseText(['Phụ lục', 'TT\tNhiệm vụ\tCơ quan chủ trì', '1.1\tXây dựng kế hoạch\tSở Giáo dục và Đào tạo', '1.2\tTổ chức hội nghị', '1.3\tBáo cáo sơ kết\tSở GDĐT\tthừa một ô'].join('\n'), {
      provinceName: 'Tỉnh Vĩnh Long',
    });
    expect(r.tasks.map((t) => [t.code, t.title, names(t.leads)])).toEqual([
      ['1.1', 'Xây dựng kế hoạch', ['Sở Giáo dục và Đào tạo']],
      ['1.2', 'Tổ chức hội nghị', []],
      ['1.3', 'Báo cáo sơ kết', ['Sở Giáo dục và Đào tạo']],
    ]);
    expect(r.tasks[0]!.schedule).toEqual({ raw: '', kind: 'unknown', milestones: [] });
    expect(r.warnings.filter((w) => w.message.startsWith('Bảng nhiệm vụ thiếu cột'))).toEqual([
      { line: 2, message: 'Bảng nhiệm vụ thiếu cột: Cơ quan phối hợp, Sản phẩm/kết quả, Thời gian; các nhiệm vụ để trống phần này' },
    ]);
    expect(messages(r)).toContain('Nhiệm vụ 1.2 chưa có cơ quan chủ trì');
    expect(r.warnings).toContainEqual({ line: 5, message: 'Ô nằm ngoài các cột của bảng, không đọc: “thừa một ô”' });
    expect(messages(r).some((m) => m.includes('không ghi thời gian'))).toBe(false);
  });

  it('reads codes and section titles written in the title column or merged across the row', async () => {
    const r = await parseText(
      [
        'TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian',
        'I. CÔNG TÁC CHỈ ĐẠO\t\t\t\t',
        '\t1.1. Ban hành kế hoạch năm\tSở GDĐT\tCác sở, ban, ngành\tQuý I/2026',
        '\tTỔ CHỨC CÁC PHONG TRÀO\t\t\t',
        '\t1.2. Phát động phong trào “Gia đình học tập”\tHội Khuyến học tỉnh\t\tNăm 2026',
      ].join('\n'),
      { provinceName: 'Tỉnh Sơn La' },
    );
    expect(r.tasks.map((t) => [t.code, t.section, t.title])).toEqual([
      ['I.1.1', 'I. CÔNG TÁC CHỈ ĐẠO', 'Ban hành kế hoạch năm'],
      ['I.1.2', 'TỔ CHỨC CÁC PHONG TRÀO', 'Phát động phong trào “Gia đình học tập”'],
    ]);
  });

  it('reads a header on two rows ("Đơn vị thực hiện" over "Chủ trì" and "Phối hợp")', async () => {
    const r = await parseText(
      [
        'STT\tNội dung công việc\tĐơn vị thực hiện\t\tThời gian hoàn thành\tGhi chú',
        '\t\tChủ trì\tPhối hợp\t\t',
        '1\tXây dựng kho học liệu số\tSở GDĐT\tSở KH&CN\tQuý III/2026\tƯu tiên',
      ].join('\n'),
      { provinceName: 'Tỉnh Gia Lai' },
    );
    expect(r.tasks).toHaveLength(1);
    expect(r.tasks[0]).toMatchObject({ code: '1', title: 'Xây dựng kho học liệu số', description: 'Ghi chú: Ưu tiên', schedule: { kind: 'once' } });
    expect(names(r.tasks[0]!.leads)).toEqual(['Sở Giáo dục và Đào tạo']);
    expect(names(r.tasks[0]!.coordinators)).toEqual(['Sở Khoa học và Công nghệ']);
    expect(messages(r).filter((m) => m.startsWith('Bảng nhiệm vụ thiếu cột'))).toEqual(['Bảng nhiệm vụ thiếu cột: Sản phẩm/kết quả; các nhiệm vụ để trống phần này']);
  });

  it('reads responsibilities written "Agency: text" and uses the catalogue it is given', async () => {
    const catalogue = standardCatalogue('Tỉnh Cà Mau');
    const r = await parseText(
      ['IV. TỔ CHỨC THỰC HIỆN', '1. Sở Giáo dục và Đào tạo: Chủ trì, hướng dẫn thực hiện Kế hoạch; tổng hợp báo cáo hằng năm.', '- Sở Văn hóa, Thể thao và Du lịch: nhân rộng mô hình thư viện thân thiện.'].join('\n'),
      { catalogue },
    );
    expect(r.tasks.map((t) => [t.code, t.section, t.title, names(t.leads)])).toEqual([
      ['IV.1', 'Tổ chức thực hiện', 'Chủ trì, hướng dẫn thực hiện Kế hoạch; tổng hợp báo cáo hằng năm', ['Sở Giáo dục và Đào tạo']],
      ['IV.1.a', 'Tổ chức thực hiện', 'nhân rộng mô hình thư viện thân thiện', ['Sở Văn hóa, Thể thao và Du lịch']],
    ]);
  });

  it('returns an empty result with warnings for a document that holds no plan', async () => {
    const r = await parseText('Biên bản họp\nNội dung: trao đổi công việc.');
    expect(() => PlanImportResultSchema.parse(r)).not.toThrow();
    expect(r.tasks).toEqual([]);
    expect(r.targets).toEqual([]);
    expect(messages(r)).toContain('Không tìm thấy nhiệm vụ nào (bảng phân công hoặc phần “Nhiệm vụ”, “Tổ chức thực hiện”)');
    expect(parsePlan({ format: 'text', blocks: [], lines: [] }, {}).tasks).toEqual([]);
  });
});

describe('parsePlan: the same samples as Word, Excel and PDF', () => {
  // Everything but the line numbers must come out the same, whatever format the plan was uploaded in.
  const comparable = (r: PlanImportResult) => ({
    plan: r.plan,
    targets: r.targets.map((t) => ({ ...t, line: 0 })),
    tasks: r.tasks.map((t) => ({ ...t, line: 0 })),
    warnings: r.warnings.map((w) => w.message.replace(/dòng [\d, ]+/g, 'dòng …')),
  });

  for (const name of Object.keys(fx.SAMPLES) as fx.SampleName[]) {
    it(`reads ${name} as Word and as PDF into the plan it reads from the text`, async () => {
      const text = comparable(parsePlan(await extractDocument(fx.sampleBytes(name), `${name}.txt`), {}));
      const docx = await extractDocument((await fx.docxFromText(fx.sampleText(name))).bytes, `${name}.docx`);
      expect(comparable(parsePlan(docx, {}))).toEqual(text);
      const pdf = await extractDocument(await fx.pdfFromText(fx.sampleText(name)), `${name}.pdf`);
      expect(comparable(parsePlan(pdf, {}))).toEqual(text);
    });
  }

  it('reads the task table of 000 from an Excel sheet with merged cells', async () => {
    const xlsx = await extractDocument((await fx.xlsxFromText(fx.sampleText('000'))).bytes, '000.xlsx');
    const r = parsePlan(xlsx, { provinceName: 'Tỉnh Vĩnh Long' });
    const text = await sample('000_e35a57ecf8b44306.txt');
    expect(r.tasks.map((t) => ({ ...t, line: 0 }))).toEqual(text.tasks.map((t) => ({ ...t, line: 0 })));
  });
});

describe('task-table helpers', () => {
  it.each([
    ['Văn bản, tài liệu, tin bài, phóng sự', ['Văn bản', 'tài liệu', 'tin bài', 'phóng sự']],
    ['Văn bản chỉ đạo, điều hành; báo cáo', ['Văn bản chỉ đạo, điều hành', 'báo cáo']],
    ['Nghị quyết của Hội đồng nhân dân tỉnh', ['Nghị quyết của Hội đồng nhân dân tỉnh']],
    ['Kế hoạch, hướng dẫn, kiểm tra việc thực hiện.', ['Kế hoạch, hướng dẫn, kiểm tra việc thực hiện']],
  ])('splits the deliverables "%s" into %j', (cell, expected) => {
    expect(splitDeliverables(cell)).toEqual(expected);
  });

  it.each([
    ['2026 2026', '2026'],
    ['Sở Giáo dục và Đào tạo Sở Giáo dục và Đào tạo', 'Sở Giáo dục và Đào tạo'],
    ['Quý I/2026', 'Quý I/2026'],
    ['Hàng năm hàng năm', 'Hàng năm hàng năm'],
  ])('reads the merged cell "%s" as "%s"', (cell, expected) => {
    expect(dedupeHalves(cell)).toBe(expected);
  });
});
