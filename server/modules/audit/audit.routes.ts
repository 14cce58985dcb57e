import { actorOf, typed, type App } from '../../lib/http.ts';
import { Page } from '../../../shared/contracts/common.ts';
import { AuditEvent, AuditQuery } from '../../../shared/contracts/audit.ts';
import type { AuditService } from './audit.service.ts';

export function auditRoutes(app: App, audit: AuditService) {
  typed(app).get('/api/audit', { schema: { tags: ['Nhật ký'], querystring: AuditQuery, response: { 200: Page(AuditEvent) } } }, (req) => audit.list(actorOf(req), req.query));
}
