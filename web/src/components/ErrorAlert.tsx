import { Alert } from 'antd';
import { ApiError, errorMessage } from '../lib/api.ts';

/** The server's (Vietnamese) message, with field issues that no form field could show. */
export function ErrorAlert({ error, details: shown }: { error: unknown; details?: { path: string; message: string }[] }) {
  if (!error) return null;
  // A form passes the issues its fields could not show; otherwise every issue is listed here.
  const details = shown ?? (error instanceof ApiError ? error.details : []);
  return (
    <Alert
      type="error"
      showIcon
      data-testid="error-alert"
      style={{ marginBottom: 16 }}
      title={errorMessage(error)}
      description={
        details.length ? (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {details.map((d) => (
              <li key={d.path + d.message}>
                {d.path}: {d.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
