import { z } from 'zod';
import { ROLES } from '../domain/roles.ts';
import { Uuid } from './common.ts';

export const LoginInput = z.strictObject({
  username: z.string().trim().min(1, { error: 'nhập tên đăng nhập' }).max(100),
  password: z.string().min(1, { error: 'nhập mật khẩu' }).max(200),
});

// Length over composition rules (NIST SP 800-63B): at least 10 characters, at most 200.
export const NewPassword = z
  .string()
  .min(10, { error: 'mật khẩu cần ít nhất 10 ký tự' })
  .max(200, { error: 'mật khẩu tối đa 200 ký tự' });

export const PasswordChangeInput = z.strictObject({
  currentPassword: z.string().min(1, { error: 'nhập mật khẩu hiện tại' }).max(200),
  newPassword: NewPassword,
});

export const GrantView = z.object({
  role: z.enum(ROLES),
  unitId: Uuid.nullable(),
  unitName: z.string().nullable(),
  agencyId: Uuid.nullable(),
  agencyName: z.string().nullable(),
  provinceId: Uuid.nullable(),
});
export type GrantView = z.infer<typeof GrantView>;

export const Me = z.object({
  id: Uuid,
  username: z.string(),
  displayName: z.string(),
  mustChangePassword: z.boolean(),
  grants: z.array(GrantView),
  abilities: z.record(z.string(), z.boolean()),
});
export type Me = z.infer<typeof Me>;
