import type { FormInstance } from 'antd';
import { ApiError } from './api.ts';

type NamePath = (string | number)[];

/** "grants.0.unitId" → ['grants', 0, 'unitId'] (antd's name path for Form.List fields). */
export function toNamePath(path: string): NamePath {
  return path.split('.').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts the server's field errors (`details[].path`) on the matching form fields. Returns the issues
 * that matched no field, so the caller shows them (with the message) in an Alert.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): { path: string; message: string }[] {
  if (!(error instanceof ApiError) || error.details.length === 0) return [];
  const registered = new Set(
    form.getFieldsError().map((f) => f.name.join('.')),
  );
  const matched: { name: NamePath; errors: string[] }[] = [];
  const unmatched: { path: string; message: string }[] = [];
  for (const d of error.details) {
    if (registered.has(d.path)) matched.push({ name: toNamePath(d.path), errors: [d.message] });
    else unmatched.push(d);
  }
  form.setFields(matched);
  return unmatched;
}
