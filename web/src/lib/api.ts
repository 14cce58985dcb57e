// The one way the web talks to the server: JSON over fetch, with the session cookie, and every failure
// turned into an ApiError carrying the server's code, Vietnamese message and field details.

export type FieldIssue = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
export const isNotFound = (e: unknown) => isApiError(e) && e.status === 404;
export const isUnauthenticated = (e: unknown) => isApiError(e) && e.status === 401;

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

type Options = { method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; body?: unknown; query?: Query; signal?: AbortSignal };

const FALLBACK: Record<number, string> = {
  401: 'Bạn cần đăng nhập.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy hoặc bạn không có quyền xem.',
  413: 'Dữ liệu gửi lên quá lớn.',
  429: 'Quá nhiều yêu cầu. Hãy thử lại sau ít phút.',
};

async function toError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (a proxy error page, an empty body)
  }
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (err && typeof err.message === 'string') {
    const details = Array.isArray(err.details)
      ? err.details.filter((d): d is FieldIssue => !!d && typeof d.path === 'string' && typeof d.message === 'string')
      : [];
    return new ApiError(res.status, typeof err.code === 'string' ? err.code : 'ERROR', err.message, details);
  }
  return new ApiError(res.status, 'HTTP_' + res.status, FALLBACK[res.status] ?? `Lỗi máy chủ (HTTP ${res.status}).`);
}

export async function api<T>(path: string, { method = 'GET', body, query, signal }: Options = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const errorMessage = (e: unknown): string =>
  e instanceof ApiError ? e.message : e instanceof Error ? e.message : 'Đã có lỗi xảy ra.';

export type UploadProgress = { loaded: number; total: number };

/**
 * POSTs a multipart form with XMLHttpRequest, which (unlike fetch) reports upload progress. `onUploaded`
 * fires once the last byte has left, while the server is still working on the answer. Failures become
 * the same ApiError as `api` gives.
 */
export function upload<T>(
  path: string,
  form: FormData,
  { query, signal, onProgress, onUploaded }: { query?: Query; signal?: AbortSignal; onProgress?: (p: UploadProgress) => void; onUploaded?: () => void } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(path, query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.upload.onload = () => onUploaded?.();
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.'));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    xhr.onload = () => {
      const res = new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status });
      if (xhr.status < 200 || xhr.status >= 300) {
        void toError(res).then(reject);
        return;
      }
      try {
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
      } catch {
        reject(new ApiError(xhr.status, 'BAD_RESPONSE', 'Máy chủ trả lời không đúng định dạng.'));
      }
    };
    if (signal) {
      if (signal.aborted) return reject(new DOMException('Upload aborted', 'AbortError'));
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(form);
  });
}
