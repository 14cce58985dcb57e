import type { FormInstance } from 'antd';
import { ApiError } from '../../../lib/api.ts';
import { toNamePath } from '../../../lib/forms.ts';
import { placeIssues, type Issue } from '../model.ts';

/** Puts the server's issues on their fields; returns those no field shows, for the alert. */
export function showIssues(form: FormInstance, error: unknown): Issue[] {
  if (!(error instanceof ApiError)) return [];
  const fields = form.getFieldsError().map((f) => f.name.join('.'));
  const { byField, unmatched } = placeIssues(fields, error.details);
  form.setFields(byField.map(([name, errors]) => ({ name: toNamePath(name) as never, errors })));
  return unmatched;
}
