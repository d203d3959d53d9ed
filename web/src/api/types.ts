/**
 * Shapes the web app reads from the HTTP API (server/src/http/API.md). `Answer` and the catalog are the
 * server's own types (type-only imports: nothing from the server is bundled); the rest mirror API.md.
 */

import type {
  Bilingual,
  Catalog,
  CatalogDimension,
  CatalogMetric,
  MemberFormat,
} from '../../../semantic-layer/src/catalog.ts';
import type { Filter, SemanticQuery } from '../../../semantic-layer/src/query.ts';
import type {
  Answer,
  Column,
  Intent,
  RetentionAction,
  Table,
} from '../../../server/src/answer/answer-schema.ts';

export type {
  Answer,
  Bilingual,
  Catalog,
  CatalogDimension,
  CatalogMetric,
  Column,
  Filter,
  Intent,
  MemberFormat,
  RetentionAction,
  SemanticQuery,
  Table,
};

export type Role = 'viewer' | 'analyst' | 'admin';

export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  attributes: Record<string, string[]>;
  mustChangePassword: boolean;
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  attributes: Record<string, string[]>;
}

/** An example question, either plain text or one per language. */
export type ExampleQuestion = string | Bilingual | { question: string | Bilingual };

/** Example questions of the catalog: general ones per language, and one per member. */
export interface CatalogExamples {
  zh: string[];
  en: string[];
  byMember?: Record<string, Bilingual>;
}

/** The catalog as GET /api/catalog returns it: the model's catalog plus example questions. */
export type CatalogResponse = Catalog & {
  versionNo?: number;
  examples?: CatalogExamples | ExampleQuestion[];
  metrics: (CatalogMetric & { examples?: ExampleQuestion[] })[];
  dimensions: (CatalogDimension & { examples?: ExampleQuestion[] })[];
  /** Every served model (for the model picker). */
  models?: { id: string; label: Bilingual | string }[];
};

export interface HomeTile {
  metric: string;
  label: string;
  value: number | null;
  previous: number | null;
  change: number | null;
  format?: string;
  lowerIsBetter?: boolean;
  /** The period the value is of (the last complete quarter); null for a number counted now. */
  period: { start: string; end: string } | null;
  spark: { period: string; value: number | null }[];
}

export interface HomeResponse {
  /** The model the tiles are of (the default one unless chosen). */
  model: string;
  tiles: HomeTile[];
  suggestions: string[];
}

export interface ConversationSummary {
  id: string;
  title: string;
  model?: string;
  createdAt?: string;
  updatedAt?: string;
}

/** A turn of a history page (GET /api/conversations/:id): its answer in one line. */
export interface ConversationMessage {
  seq: number;
  question?: string | null;
  summary: { kind: string | null; narrative: string | null; conversationId?: string } | null;
  createdAt?: string;
}

/** One page of a conversation (`more`: older turns exist, before the first seq of this page). */
export interface ConversationDetail extends ConversationSummary {
  messages: ConversationMessage[];
  more: boolean;
}

/** One turn with its full answer (GET /api/conversations/:id/answers/:seq). */
export interface ConversationTurn {
  seq: number;
  question: string | null;
  answer: Answer | null;
  createdAt?: string;
}

/** A progress event of a streamed answer. */
export interface AskProgress {
  stage: string;
  elapsedMs: number;
}
