import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { registerErrorHandler } from './lib/error-handler.ts';
import { fromRoot, PROJECT_ROOT } from './lib/paths.ts';
import { SESSION_COOKIE } from './lib/http.ts';
import { AppError, unauthenticated } from './lib/errors.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { grantsOf } from './modules/auth/auth.repository.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { createUnitsService } from './modules/units/units.service.ts';
import { findUnit } from './modules/units/units.repository.ts';
import { unitsRoutes } from './modules/units/units.routes.ts';
import { createAgenciesService } from './modules/agencies/agencies.service.ts';
import { agenciesRoutes } from './modules/agencies/agencies.routes.ts';
import { createUsersService } from './modules/users/users.service.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { createPlansService } from './modules/plans/plans.service.ts';
import { PLAN_FILE_MAX_BYTES, plansRoutes } from './modules/plans/plans.routes.ts';
import { createTrackingService } from './modules/tracking/tracking.service.ts';
import { trackingRoutes } from './modules/tracking/tracking.routes.ts';
import { createReportingService } from './modules/reporting/reporting.service.ts';
import { reportingRoutes } from './modules/reporting/reporting.routes.ts';
import { createReportTemplatesService } from './modules/reporting/reporting.templates.service.ts';
import { reportTemplatesRoutes } from './modules/reporting/reporting.templates.routes.ts';
import { createCatalogueService } from './modules/reporting/reporting.catalogue.service.ts';
import { createTargetLinksService } from './modules/reporting/reporting.target-links.service.ts';
import { catalogueRoutes } from './modules/reporting/reporting.catalogue.routes.ts';
import { createRemindersService } from './modules/reminders/reminders.service.ts';
import { createSmtpMailer } from './modules/reminders/reminders.mailer.ts';
import { remindersRoutes } from './modules/reminders/reminders.routes.ts';
import { useVietnameseValidationMessages } from '../shared/contracts/zod-locale.ts';

export const VERSION: string = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')).version;

export type AppDeps = { database: DatabaseHandle; clock?: Clock; /** Already wired services (tests share them with the app). */ services?: Services };

/** Wires every service to its dependencies, explicitly; the CLI uses the same wiring. */
export function createServices(config: Pick<Config, 'sessionTtlMs' | 'login' | 'mail' | 'publicUrl' | 'reminders'>, { database, clock = systemClock }: AppDeps) {
  const db = database.db;
  const agencies = createAgenciesService({ db, findUnit });
  const plans = createPlansService({ db, findUnit, groupsWithMembers: agencies.groupsWithMembers, catalogue: agencies.catalogue });
  const catalogue = createCatalogueService({ db });
  const targetLinks = createTargetLinksService({ db, catalogueOf: catalogue.catalogueOf, targetsOfPlan: plans.targetsOfPlan, targetOwner: plans.targetOwner });
  const reporting = createReportingService({ db, clock, targetsInForce: plans.targetsInForce, catalogueOf: catalogue.catalogueOf, linksOf: targetLinks.linksOf });
  const auth = createAuthService({ db, clock, sessionTtlMs: config.sessionTtlMs, login: config.login });
  return {
    auth,
    units: createUnitsService({ db, ensureStandardAgencies: agencies.ensureStandardAgencies, countReadableAgencies: agencies.countReadable }),
    agencies,
    users: createUsersService({ db, clock, grantsOf, forgetSessions: auth.forgetUser }),
    audit: createAuditService({ db }),
    plans,
    tracking: createTrackingService({ db, clock, groupsWithMembers: agencies.groupsWithMembers }),
    reporting,
    catalogue,
    targetLinks,
    reportTemplates: createReportTemplatesService({
      db,
      assignmentsOfPlan: plans.assignmentsOfPlan,
      groupsWithMembers: agencies.groupsWithMembers,
      forgetTemplate: reporting.forgetTemplate,
      seedTemplates: reporting.seedTemplates,
      catalogueOf: catalogue.catalogueOf,
      linksOf: targetLinks.linksOf,
    }),
    reminders: createRemindersService({
      db,
      clock,
      mailer: config.mail.smtpUrl ? createSmtpMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from }) : null,
      publicUrl: config.publicUrl,
      schedule: { daysBefore: config.reminders.daysBefore, daysAfter: config.reminders.daysAfter },
      pendingReporters: reporting.pendingReporters,
    }),
  };
}
export type Services = ReturnType<typeof createServices>;

export async function buildApp(config: Config, deps: AppDeps, logger: FastifyServerOptions['logger'] = false) {
  useVietnameseValidationMessages();
  const app = Fastify({
    logger,
    bodyLimit: config.bodyLimit,
    trustProxy: config.env === 'production',
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  const services = deps.services ?? createServices(config, deps);

  await app.register(cookie);
  // Uploads: one file per request; the largest is a plan document (20 MB). A route may ask for less
  // (evidence: 10 MB); a file over the limit is refused while it streams in (413), before it is read.
  await app.register(multipart, { limits: { files: 1, fileSize: PLAN_FILE_MAX_BYTES, fields: 5 } });
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  // Every route needs a session unless it declares itself public (issue 2: every endpoint checks who may do what).
  app.addHook('preHandler', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const actor = await services.auth.actorFromToken(token);
      if (actor) {
        request.actor = { id: actor.id, username: actor.username, displayName: actor.displayName, grants: actor.grants, requestId: request.id, ip: request.ip };
        request.sessionToken = token;
      }
      // A password set by someone else (new account, reset) is changed before anything else is done.
      const config = request.routeOptions.config;
      if (actor?.mustChangePassword && !config.public && !config.beforePasswordChange && request.routeOptions.url?.startsWith('/api/')) {
        throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Bạn cần đổi mật khẩu trước khi tiếp tục.');
      }
    }
    if (!request.actor && request.routeOptions.config.public !== true && request.routeOptions.url?.startsWith('/api/')) {
      throw unauthenticated('Phiên đăng nhập đã hết hạn hoặc chưa đăng nhập.');
    }
  });

  // The browsable API docs are public; what they describe still needs a session.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), public: true };
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'XHHT API', description: 'Nền tảng điều hành kế hoạch xây dựng xã hội học tập của tỉnh', version: VERSION },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  healthRoutes(app, { database: deps.database, version: VERSION });
  await authRoutes(app, services.auth, { cookieSecure: config.cookieSecure, sessionTtlMs: config.sessionTtlMs, loginRatePerMinute: config.login.ratePerMinute });
  unitsRoutes(app, services.units);
  agenciesRoutes(app, services.agencies);
  usersRoutes(app, services.users);
  auditRoutes(app, services.audit);
  await plansRoutes(app, services.plans);
  trackingRoutes(app, services.tracking);
  reportingRoutes(app, services.reporting);
  reportTemplatesRoutes(app, services.reportTemplates);
  catalogueRoutes(app, services.catalogue, services.targetLinks);
  remindersRoutes(app, services.reminders);
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());

  const webDist = path.resolve(PROJECT_ROOT, config.webDist);
  if (existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
    app.get('/*', { config: { public: true }, schema: { hide: true } }, (req, reply) => {
      // The SPA handles its own routes; unknown API paths still answer 404 as JSON.
      if (req.url.startsWith('/api/')) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Không có đường dẫn API này.' } });
      const file = req.url.split('?')[0]!.replace(/^\/+/, '');
      if (file && existsSync(path.join(webDist, file)) && !file.includes('..')) return reply.sendFile(file);
      return reply.type('text/html').sendFile('index.html');
    });
  }
  app.setNotFoundHandler((_req, reply) => reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Không có đường dẫn này.' } }));
  return app;
}
