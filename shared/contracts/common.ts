import { z } from 'zod';
import { cleanText } from '../text.ts';

export const Uuid = z.uuid({ error: 'phải là mã định danh (UUID) hợp lệ' });
export const IdParams = z.strictObject({ id: Uuid });

/** A person-entered name: NFC, collapsed spaces, bounded length; markup characters are kept as text and escaped on output. */
export const Name = (max = 300) =>
  z
    .string({ error: 'phải là chuỗi ký tự' })
    .transform(cleanText)
    .pipe(z.string().min(1, { error: 'không được để trống' }).max(max, { error: `tối đa ${max} ký tự` }));

export const SearchQuery = z
  .string()
  .max(200, { error: 'tối đa 200 ký tự' })
  .optional()
  .transform((v) => (v ? cleanText(v) : undefined));

export const Limit = (def = 50, max = 500) => z.coerce.number().int().min(1).max(max).default(def);
export const Offset = z.coerce.number().int().min(0).max(1_000_000).default(0);

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

/** What the current user may do with a record: the UI shows buttons from this and never re-derives rules. */
export const Abilities = z.record(z.string(), z.boolean());
