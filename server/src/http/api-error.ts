/**
 * The one error type of the HTTP API. A route throws `new ApiError(code, params, issues)` (or a middleware
 * returns `errorResponse(c, …)`); the status of each code and its message in the user's language are
 * decided here, once, and every error leaves as `{ error: { code, message, issues? } }` — never a stack
 * trace or SQL. `apiErrorHandler` is the `onError` of the app and of every router (api-router.ts).
 */
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Issue } from '../../../semantic-layer/src/index.ts';
import {
  type GovernanceCode,
  governanceMessage,
  isGovernanceCode,
} from '../governance/governance-messages.ts';
import type { MessageParams } from '../i18n/message-catalog.ts';
import { httpMessage } from './messages/http-messages.ts';
import { requestLanguage } from './request-language.ts';

/** HTTP status of every error code the API sends (governance refusals included). */
const STATUS = {
  invalid_request: 400,
  invalid_text: 400,
  invalid_query: 400,
  wrong_password: 400,
  same_password: 400,
  weak_password: 400,
  unknown_attribute: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  password_change_required: 403,
  cross_origin: 403,
  demo_admin_refused: 403,
  access_denied: 403,
  not_author: 403,
  self_review: 403,
  not_found: 404,
  unknown_demo_user: 404,
  token_not_found: 404,
  unknown_model: 404,
  user_not_found: 404,
  at_risk_unavailable: 404,
  conversation_not_found: 404,
  no_chart: 404,
  board_not_found: 404,
  card_not_found: 404,
  share_not_found: 404,
  board_private: 403,
  not_board_owner: 403,
  link_not_found: 404,
  subscription_not_found: 404,
  insight_not_found: 404,
  task_not_found: 404,
  customer_not_found: 404,
  action_not_found: 404,
  invalid_subscription: 400,
  model_not_found: 404,
  version_not_found: 404,
  feedback_not_found: 404,
  member_not_found: 404,
  username_taken: 409,
  self_lockout: 409,
  already_taken: 409,
  not_a_draft: 409,
  edit_conflict: 409,
  invalid_transition: 409,
  conflict: 409,
  no_change: 409,
  not_restorable: 409,
  model_not_loaded: 409,
  body_too_large: 413,
  json_required: 415,
  yaml_syntax: 422,
  not_a_map: 422,
  unknown_file: 422,
  invalid_definition: 422,
  invalid_correction: 422,
  preview_failed: 422,
  preview_timeout: 422,
  upload_activation_failed: 422,
  upload_too_large: 413,
  csv_empty: 400,
  csv_no_rows: 400,
  csv_field_count: 400,
  csv_open_quote: 400,
  csv_unreadable: 400,
  upload_not_found: 404,
  model_exists: 409,
  nothing_staged: 409,
  reload_failed: 422,
  invalid_plan_edit: 400,
  account_locked: 423,
  too_many_attempts: 429,
  internal_error: 500,
  activation_failed: 500,
} as const satisfies Record<string, ContentfulStatusCode> & Record<GovernanceCode, ContentfulStatusCode>;

/** Every error code of the API (the OpenAPI document lists them: openapi-document.ts). */
export type ApiErrorCode = keyof typeof STATUS;
type HttpErrorCode = Exclude<ApiErrorCode, GovernanceCode>;
export const API_ERROR_CODES = Object.keys(STATUS) as ApiErrorCode[];

/** An issue as sent: a request issue has a path and message; a definition issue also a file, line and code. */
export type WireIssue = { path: string; message: string } | Issue;

/** A refusal: thrown by routes, answered by `apiErrorHandler` with the code's status and message. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly params: MessageParams = {},
    readonly issues?: WireIssue[],
    /** Extra response headers, e.g. `Retry-After`. */
    readonly headers?: Record<string, string>,
    /** A refusal whose service states its own status and zh/en message (campaigns); prefer a code here. */
    readonly stated?: StatedRefusal,
  ) {
    super(stated?.code ?? code);
    this.name = 'ApiError';
  }

  /** A service's refusal `{ status, code, message: { zh, en } }` as an ApiError. */
  static stated(refusal: StatedRefusal): ApiError {
    return new ApiError('invalid_request', {}, undefined, undefined, refusal);
  }

  get status(): ContentfulStatusCode {
    return this.stated?.status ?? STATUS[this.code];
  }
}

/** A refusal a service words itself. */
export interface StatedRefusal {
  status: ContentfulStatusCode;
  code: string;
  message: Record<'zh' | 'en', string>;
}

/** The message of `code` in `lang` (governance codes from the governance catalog, the others from http's). */
export function errorMessage(code: ApiErrorCode, lang: 'zh' | 'en', params: MessageParams = {}): string {
  return isGovernanceCode(code)
    ? governanceMessage(code, lang, params)
    : httpMessage(`error.${code as HttpErrorCode}`, lang, params);
}

/** The JSON response of an error (for middleware, which returns rather than throws). */
export function errorResponse(
  c: Context,
  code: ApiErrorCode,
  params?: MessageParams,
  issues?: WireIssue[],
): Response {
  return sendApiError(c, new ApiError(code, params, issues));
}

function sendApiError(c: Context, error: ApiError): Response {
  const lang = requestLanguage(c);
  const message = error.stated?.message[lang] ?? errorMessage(error.code, lang, error.params);
  const code = error.stated?.code ?? error.code;
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  const body = error.issues ? { code, message, issues: error.issues } : { code, message };
  return c.json({ error: body }, error.status);
}

/** Hono's own refusals (the validators' malformed JSON, wrong media type, body limit) as API errors. */
function fromHttpException(error: HTTPException): ApiError {
  if (error.status === 415) return new ApiError('json_required');
  if (error.status === 413) return new ApiError('body_too_large', { limitKb: '?' });
  if (error.status === 401) return new ApiError('unauthenticated');
  return new ApiError('invalid_request', { detail: error.message || String(error.status) });
}

/**
 * `onError` for the app and for every router: API errors and Hono's refusals become JSON errors. With
 * `log` (the app's handler) anything else is logged and answered 500; without it (a router's handler)
 * it is passed up to the app's.
 */
export function apiErrorHandler(log?: (message: string, error?: unknown) => void): ErrorHandler {
  return (error, c) => {
    if (error instanceof ApiError) return sendApiError(c, error);
    if (error instanceof HTTPException)
      return error.res ? error.getResponse() : sendApiError(c, fromHttpException(error));
    if (!log) throw error;
    log(`${c.req.method} ${c.req.path} failed`, error);
    return sendApiError(c, new ApiError('internal_error'));
  };
}
