import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { CampaignModule } from '../campaigns/campaign-module.ts';
import type { ModelRegistry } from '../models/model-registry.ts';
import type { AnswerDeps } from '../pipeline/answer-question.ts';
import { ConversationLog } from '../pipeline/conversation-log.ts';
import type { Store } from '../store/open-store.ts';
import { serveApiDocs } from './api-docs.ts';
import { apiErrorHandler, errorResponse } from './api-error.ts';
import { apiRoute, apiRouter, jsonResponse } from './api-router.ts';
import type { AuthEnv } from './auth/auth-context.ts';
import { authRoutes } from './auth/auth-routes.ts';
import { authenticate } from './auth/authenticate.ts';
import {
  limitBody,
  limitBodyExcept,
  MAX_AUTH_BODY_BYTES,
  MAX_BODY_BYTES,
  securityHeaders,
  textGuard,
} from './request-guards.ts';
import { askRoutes } from './routes/ask.ts';
import { atRiskRoutes } from './routes/at-risk.ts';
import { boardRoutes } from './routes/boards.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { channelLinkRoutes } from './routes/channel-links.ts';
import { chartImageRoutes } from './routes/chart-image.ts';
import { conversationRoutes } from './routes/conversations.ts';
import { customerRoutes } from './routes/customers.ts';
import { homeRoutes } from './routes/home.ts';
import { integrationRoutes } from './routes/integrations.ts';
import { shareRoutes } from './routes/shares.ts';
import { taskRoutes } from './routes/tasks.ts';
import { userRoutes } from './routes/users.ts';
import { serveWeb } from './static-web.ts';

export interface AppDeps {
  store: Store;
  registry: ModelRegistry;
  answerDeps: AnswerDeps;
  demo: boolean;
  /** Built web app to serve (web/dist); absent in API-only tests. */
  webDist?: string;
  /**
   * Routers mounted behind authentication, e.g. governance: `{ '/models': definitionRoutes(...) }`. Made
   * with `apiRouter()` (api-router.ts), so their routes are validated and documented.
   */
  extraRoutes?: Record<string, OpenAPIHono<AuthEnv>>;
  log?: (message: string, error?: unknown) => void;
  /** Chat-channel routers mounted outside `/api` (they authenticate by signature), e.g. `{ '/slack': … }`. */
  channelRoutes?: Record<string, Hono>;
  /** What `/api/integrations` (admin) shows: configured channels, jobs, last delivery failures. */
  integrations?: () => Promise<unknown>;
  /** Retention campaigns (service + outbox worker); absent, the campaign and task routes are not mounted. */
  campaigns?: CampaignModule;
}

const HealthSchema = z.object({
  ok: z.literal(true),
  demo: z.boolean(),
  models: z.array(z.object({ id: z.string(), version: z.string(), versionNo: z.number(), asOf: z.string() })),
});

/**
 * The HTTP API (server/src/http/API.md) and the web app, as one Hono app. Every API route is declared with
 * its schemas (api-router.ts) and listed in `/api/openapi.json`; errors are mapped once (api-error.ts).
 */
export function createApp(deps: AppDeps) {
  const app = apiRouter<AuthEnv>();
  app.use('*', securityHeaders());
  app.use('/api/auth/*', limitBody(MAX_AUTH_BODY_BYTES));
  // Uploads stream to disk under their own limit (uploads/upload-service.ts).
  app.use('/api/*', limitBodyExcept(MAX_BODY_BYTES, ['/api/uploads']), textGuard());
  const conversations = new ConversationLog(deps.store);

  app.openapi(
    apiRoute({
      method: 'get',
      path: '/api/health',
      summary: 'Liveness and the models in service',
      tags: ['health'],
      security: [],
      responses: { 200: jsonResponse('Up', HealthSchema) },
    }),
    (c) =>
      c.json(
        {
          ok: true as const,
          demo: deps.demo,
          models: deps.registry.list().map(({ runtime, versionNo }) => ({
            id: runtime.model.id,
            version: runtime.model.version,
            versionNo,
            asOf: runtime.asOf,
          })),
        },
        200,
      ),
  );
  serveApiDocs(app);
  app.route('/api/auth', authRoutes(deps.store, { demo: deps.demo }));
  for (const [path, router] of Object.entries(deps.channelRoutes ?? {})) app.route(path, router);

  const api = apiRouter<AuthEnv>();
  api.use('*', authenticate(deps.store));
  api.route('/ask', askRoutes({ ...deps, conversations }));
  api.route('/catalog', catalogRoutes(deps.registry));
  api.route('/home', homeRoutes(deps.registry));
  api.route('/users', userRoutes(deps.store, deps.registry));
  api.route('/customers/at-risk', atRiskRoutes({ ...deps, runAnalysis: deps.answerDeps.runAnalysis }));
  api.route('/customers', customerRoutes(deps));
  api.route('/tasks', taskRoutes({ ...deps, now: deps.campaigns?.now }));
  api.route('/channel-links', channelLinkRoutes(deps.store));
  if (deps.campaigns)
    api.route(
      '/campaigns',
      campaignRoutes({
        store: deps.store,
        service: deps.campaigns.service,
        followUps: deps.campaigns.followUps,
      }),
    );
  api.route('/integrations', integrationRoutes(deps.integrations ?? (async () => ({ configured: false }))));
  api.route('/boards', boardRoutes(deps));
  api.route('/shares', shareRoutes(deps));
  api.route('/', conversationRoutes(deps.store));
  api.route('/', chartImageRoutes(deps.store));
  for (const [path, router] of Object.entries(deps.extraRoutes ?? {})) api.route(path, router);
  app.route('/api', api);

  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? errorResponse(c, 'not_found', { method: c.req.method, path: c.req.path })
      : c.text('Not found', 404),
  );
  app.onError(apiErrorHandler(deps.log ?? (() => {})));
  if (deps.webDist) serveWeb(app as unknown as Hono<never>, deps.webDist);
  return app;
}
