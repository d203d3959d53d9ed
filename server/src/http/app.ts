import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ConversationStore } from '../ask/conversation-store.ts';
import type { CampaignModule } from '../campaigns/campaign-module.ts';
import type { ModelRegistry } from '../models/model-registry.ts';
import type { AnswerDeps } from '../pipeline/answer-question.ts';
import { ConversationLog } from '../pipeline/conversation-log.ts';
import type { Store } from '../store/open-store.ts';
import { type AuthEnv, jsonError } from './auth/auth-context.ts';
import { authRoutes } from './auth/auth-routes.ts';
import { authenticate } from './auth/authenticate.ts';
import {
  limitBody,
  MAX_AUTH_BODY_BYTES,
  MAX_BODY_BYTES,
  securityHeaders,
  textGuard,
} from './request-guards.ts';
import { askRoutes } from './routes/ask.ts';
import { atRiskRoutes } from './routes/at-risk.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { channelLinkRoutes } from './routes/channel-links.ts';
import { conversationRoutes } from './routes/conversations.ts';
import { homeRoutes } from './routes/home.ts';
import { integrationRoutes } from './routes/integrations.ts';
import { userRoutes } from './routes/users.ts';
import { serveWeb } from './static-web.ts';

export interface AppDeps {
  store: Store;
  registry: ModelRegistry;
  answerDeps: AnswerDeps;
  demo: boolean;
  /** Built web app to serve (web/dist); absent in API-only tests. */
  webDist?: string;
  /** Routers mounted behind authentication, e.g. governance: `{ '/models': definitionRoutes(...) }`. */
  extraRoutes?: Record<string, Hono<AuthEnv>>;
  log?: (message: string, error?: unknown) => void;
  /** Chat-channel routers mounted outside `/api` (they authenticate by signature), e.g. `{ '/slack': … }`. */
  channelRoutes?: Record<string, Hono>;
  /** What `/api/integrations` (admin) shows: configured channels, jobs, last delivery failures. */
  integrations?: () => Promise<unknown>;
  /** Retention campaigns (service + outbox worker); absent, the campaign and task routes are not mounted. */
  campaigns?: CampaignModule;
}

/** The HTTP API (server/src/http/API.md) and the web app, as one Hono app. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AuthEnv>();
  app.use('*', securityHeaders());
  app.use('/api/auth/*', limitBody(MAX_AUTH_BODY_BYTES));
  app.use('/api/*', limitBody(MAX_BODY_BYTES), textGuard());
  const conversations = new ConversationLog(deps.store, new ConversationStore());

  app.get('/api/health', (c) =>
    c.json({
      ok: true,
      demo: deps.demo,
      models: deps.registry.list().map(({ runtime, versionNo }) => ({
        id: runtime.model.id,
        version: runtime.model.version,
        versionNo,
        asOf: runtime.asOf,
      })),
    }),
  );
  app.route('/api/auth', authRoutes(deps.store, { demo: deps.demo }));
  for (const [path, router] of Object.entries(deps.channelRoutes ?? {})) app.route(path, router);

  const api = new Hono<AuthEnv>();
  api.use('*', authenticate(deps.store));
  api.route('/ask', askRoutes({ ...deps, conversations }));
  api.route('/catalog', catalogRoutes(deps.registry));
  api.route('/home', homeRoutes(deps.registry));
  api.route('/users', userRoutes(deps.store, deps.registry));
  api.route('/customers/at-risk', atRiskRoutes({ ...deps, runAnalysis: deps.answerDeps.runAnalysis }));
  api.route('/channel-links', channelLinkRoutes(deps.store));
  if (deps.campaigns)
    api.route('/campaigns', campaignRoutes({ store: deps.store, service: deps.campaigns.service }));
  api.route('/integrations', integrationRoutes(deps.integrations ?? (async () => ({ configured: false }))));
  api.route('/', conversationRoutes(deps.store));
  for (const [path, router] of Object.entries(deps.extraRoutes ?? {})) api.route(path, router);
  app.route('/api', api);

  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? jsonError(c, 404, 'not_found', `No route ${c.req.method} ${c.req.path}`)
      : c.text('Not found', 404),
  );
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    deps.log?.(`${c.req.method} ${c.req.path} failed`, error);
    return jsonError(c, 500, 'internal_error', 'Internal error; it has been logged');
  });
  if (deps.webDist) serveWeb(app as unknown as Hono<never>, deps.webDist);
  return app;
}
