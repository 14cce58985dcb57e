// The small set of error codes of the platform, mapped to HTTP in one place (server/lib/error-handler.ts).
export type ErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'PASSWORD_CHANGE_REQUIRED';

export type FieldIssue = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
  ) {
    super(message);
  }
}

export const notFound = (what = 'Bản ghi') => new AppError('NOT_FOUND', `${what} không tồn tại hoặc bạn không có quyền xem.`);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') => new AppError('FORBIDDEN', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const invalid = (message: string, details?: FieldIssue[]) => new AppError('VALIDATION_FAILED', message, details);
export const unauthenticated = (message = 'Bạn cần đăng nhập.') => new AppError('UNAUTHENTICATED', message);

export const HTTP_STATUS: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  PASSWORD_CHANGE_REQUIRED: 403,
};

/** A unique index refused the write (PostgreSQL 23505), as pg and PGlite report it, possibly wrapped by Drizzle. */
export const isUniqueViolation = (e: unknown): boolean => {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code === '23505' || err?.cause?.code === '23505';
};
