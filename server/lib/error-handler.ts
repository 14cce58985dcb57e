import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, HTTP_STATUS, type FieldIssue } from './errors.ts';

const send = (code: string, message: string, details?: FieldIssue[]) => ({ error: { code, message, ...(details ? { details } : {}) } });

/** Maps every failure to `{ error: { code, message, details } }`; 5xx details stay in the log, never in the answer. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(HTTP_STATUS[err.code]).send(send(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => {
        const p = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
        const where = err.validationContext === 'body' ? p : [err.validationContext, p].filter(Boolean).join('.');
        if (v.keyword === 'unrecognized_keys') {
          const keys = (v.params as { keys?: string[] }).keys ?? [];
          return { path: [where, ...keys].filter(Boolean).join('.'), message: 'trường không được chấp nhận' };
        }
        return { path: where || '(gốc)', message: v.message ?? 'không hợp lệ' };
      });
      return reply.status(400).send(send('VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ: ' + details.map((d) => `${d.path}: ${d.message}`).join('; '), details));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, cause: err.cause }, 'response did not match its schema');
      return reply.status(500).send(send('INTERNAL', `Lỗi máy chủ. Mã tham chiếu: ${request.id}`));
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.status(413).send(send('PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên quá lớn.'));
      case 'FST_REQ_FILE_TOO_LARGE':
        return reply.status(413).send(send('PAYLOAD_TOO_LARGE', 'Tệp tải lên quá lớn (tối đa 20 MB).', [{ path: 'file', message: 'quá lớn' }]));
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      case 'FST_FILES_LIMIT':
      case 'FST_PARTS_LIMIT':
      case 'FST_FIELDS_LIMIT':
        return reply.status(400).send(send('VALIDATION_FAILED', `Tệp tải lên không hợp lệ: ${err.message}`, [{ path: 'file', message: err.message }]));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.status(415).send(send('VALIDATION_FAILED', 'Kiểu nội dung không được hỗ trợ: hãy gửi application/json.'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.status(400).send(send('VALIDATION_FAILED', 'Thiếu nội dung JSON.'));
    }
    if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return reply.status(400).send(send('VALIDATION_FAILED', `JSON không hợp lệ: ${err.message}`));
    }
    if (err.statusCode === 429) {
      return reply.status(429).send(send('RATE_LIMITED', 'Quá nhiều yêu cầu. Hãy thử lại sau ít phút.'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(send('BAD_REQUEST', err.message));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(send('INTERNAL', `Lỗi máy chủ. Mã tham chiếu: ${request.id}`));
  });
}
