/** Monitors, subscriptions and the inbox over /api (server/src/http/routes/monitors.ts). */
import { api, query } from './client.ts';
import type { Answer } from './types.ts';

/** A chat request read back for confirmation (`answer.subscription`). */
export type SubscriptionProposal = NonNullable<Answer['subscription']>;

export type SubscriptionChannel = 'inbox' | 'email' | 'slack' | 'wecom' | 'wecom_webhook';
export const CHANNELS: SubscriptionChannel[] = ['inbox', 'email', 'slack', 'wecom', 'wecom_webhook'];

export interface SubscriptionView {
  id: string;
  model: string;
  monitorId: string | null;
  question: string | null;
  channel: SubscriptionChannel;
  target: string | null;
  cron: string;
  timezone: string;
  language: 'zh' | 'en';
  active: boolean;
  createdAt: string;
  nextRun: string | null;
}

export interface NewSubscription {
  model?: string;
  monitorId?: string;
  question?: string;
  channel: SubscriptionChannel;
  target?: string;
  cron?: string;
  timezone?: string;
  language?: 'zh' | 'en';
}

export interface InsightView {
  id: string;
  title: string;
  body: string;
  question: string | null;
  monitorId: string | null;
  model: string;
  content: Record<string, unknown>;
  createdAt: string;
  read: boolean;
}

export interface MonitorView {
  id: string;
  kind: string;
  label?: { zh: string; en: string };
  schedule?: { cron: string; timezone: string };
  [key: string]: unknown;
}

export const listSubscriptions = () =>
  api<{ subscriptions: SubscriptionView[] }>('GET', '/api/subscriptions').then((r) => r.subscriptions);

export const createSubscription = (body: NewSubscription) =>
  api<{ subscription: SubscriptionView }>('POST', '/api/subscriptions', body).then((r) => r.subscription);

export const setSubscriptionActive = (id: string, active: boolean) =>
  api<{ subscription: SubscriptionView }>('PATCH', `/api/subscriptions/${encodeURIComponent(id)}`, {
    active,
  }).then((r) => r.subscription);

export const deleteSubscription = (id: string) =>
  api<void>('DELETE', `/api/subscriptions/${encodeURIComponent(id)}`);

export const loadInbox = (unreadOnly = false) =>
  api<{ unread: number; insights: InsightView[] }>(
    'GET',
    `/api/inbox${query({ unread: unreadOnly ? 1 : undefined })}`,
  );

export const markInsightRead = (id: string, read: boolean) =>
  api<void>('POST', `/api/inbox/${encodeURIComponent(id)}/read`, { read });

export const listMonitors = (model?: string) =>
  api<{ model: string; monitors: MonitorView[] }>('GET', `/api/monitors${query({ model })}`);
