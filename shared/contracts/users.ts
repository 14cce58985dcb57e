import { z } from 'zod';
import { ROLES } from '../domain/roles.ts';
import { NewPassword } from './auth.ts';
import { GrantView } from './auth.ts';
import { Abilities, Limit, Name, Offset, SearchQuery, Uuid } from './common.ts';

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, { error: 'tên đăng nhập gồm 3-50 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới' });

export const GrantInput = z.strictObject({
  role: z.enum(ROLES, { error: 'vai trò không hợp lệ' }),
  unitId: Uuid.nullable().optional(),
  agencyId: Uuid.nullable().optional(),
});
export type GrantInput = z.infer<typeof GrantInput>;

export const UserView = z.object({
  id: Uuid,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(GrantView),
  abilities: Abilities,
});
export type UserView = z.infer<typeof UserView>;

export const UserListQuery = z.strictObject({ q: SearchQuery, limit: Limit(50, 200), offset: Offset });

const Email = z.email({ error: 'email không hợp lệ' }).max(200).nullable().optional();

export const UserCreate = z.strictObject({
  username: Username,
  displayName: Name(120),
  email: Email,
  password: NewPassword,
  grants: z.array(GrantInput).min(1, { error: 'cần ít nhất một vai trò' }).max(20),
});
export const UserPatch = z.strictObject({
  displayName: Name(120).optional(),
  email: Email,
  active: z.boolean().optional(),
  unlock: z.literal(true).optional(),
});
export const GrantsReplace = z.strictObject({ grants: z.array(GrantInput).min(1, { error: 'cần ít nhất một vai trò' }).max(20) });
export const PasswordReset = z.strictObject({ newPassword: NewPassword });
