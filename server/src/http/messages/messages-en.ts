/**
 * English text of the HTTP API (error messages and the few words routes put in answers), keyed like the web
 * app's catalogs (web/src/i18n); `messages-zh.ts` must have the same keys (the type checks it). `{name}`
 * placeholders are filled by `httpMessage`.
 */
export const EN = {
  'error.json_required': 'The body must be JSON (application/json)',
  'error.invalid_text': 'Field {field} contains a NUL character or an unpaired surrogate',
  'error.upload_too_large': 'The file is larger than the upload limit of {limitMb} MB (CHATBI_UPLOAD_MAX_MB)',
  'error.csv_empty': 'The file is empty: upload a CSV with a header line and one row per customer or event',
  'error.csv_no_rows': 'The file has a header line but no rows',
  'error.csv_field_count':
    'Line {line} has {found} fields where the header has {expected}: check for a missing or extra delimiter, or an unquoted delimiter inside a value',
  'error.csv_open_quote': 'Line {line} opens a quote that is never closed',
  'error.csv_unreadable': 'The file cannot be read as a CSV: {detail}',
  'error.upload_not_found': 'No upload {id} of yours',
  'error.model_exists':
    'A model named {model} already exists (or this upload was already submitted as it): choose another name',
  'error.nothing_staged':
    'No new data is staged for {model}: load it with npm run ingest -- --config <mapping> --db <data-dir>/{model}.duckdb (it stages the data and calls this)',
  'error.reload_failed':
    'The new data of {model} could not be served (the previous data is served again): {detail}',
  'error.invalid_plan_edit': 'Column {column}: {detail}',
  'error.body_too_large': 'The request body is too large (limit {limitKb} KB)',
  'error.not_found': 'No route {method} {path}',
  'error.internal_error': 'Internal error; it has been logged',
  'error.csrf_failed': 'Missing or wrong {header} header',
  'error.password_change_required': 'Change your password before continuing',
  'error.cross_origin': 'Sign-in requests from another site are refused',
  'error.invalid_credentials': 'Invalid username or password',
  'error.too_many_attempts': 'Too many sign-in attempts: try again in {retryAfter} s',
  'error.account_locked':
    'Too many failed sign-ins: this account is locked until an administrator unlocks it',
  'error.wrong_password': 'The current password is not correct',
  'error.same_password': 'The new password must differ from the current one',
  'error.weak_password': '{detail}',
  'error.demo_admin_refused': 'One-click demo sign-in never grants admin: sign in with the password',
  'error.unknown_demo_user': 'No such demo user',
  'error.token_not_found': 'No such active token',
  'error.unknown_model': 'No model named {model}',
  'error.invalid_query': 'Invalid query: {detail}',
  'error.unknown_attribute': 'Unknown access attribute {attributes} (known: {known})',
  'error.username_taken': 'The username {username} (or its e-mail or WeCom userid) is already taken',
  'error.user_not_found': 'No such user',
  'error.self_lockout': 'You cannot remove your own admin role or disable yourself',
  'error.already_taken': 'Another account already has this e-mail or WeCom userid',
  'error.at_risk_unavailable': 'No at-risk list for this model',
  'error.access_denied':
    "Your data-access attributes match none of this model's access rules: no customers to show",
  'error.conversation_not_found':
    'No such conversation or answer: it does not exist or belongs to another user (conversations are private). Ask its owner for a share link, which opens the answer with your own data access',
  'error.no_chart': 'This answer has no chart to export as an image',
  'error.board_not_found': 'No such board: it was deleted, or the link is mistyped',
  'error.card_not_found': 'No such card on this board',
  'error.share_not_found':
    'This share link does not exist or no longer works: ask whoever sent it for a new one',
  'error.board_private':
    'This board is private to {owner}: ask them to share it or to send you a share link (it opens with your own data access)',
  'error.not_board_owner': "Only the board's owner ({owner}) can change it",
  'error.link_not_found': 'No such linked account',
  'error.subscription_not_found': 'No such subscription',
  'error.insight_not_found': 'No such insight',
  'error.task_not_found': 'No such task',
  'error.customer_not_found': 'No customer {id} you may see',
  'error.action_not_found': 'The playbook has no action {action}',
  'error.invalid_subscription': '{detail}',

  'password.too_short': 'The password needs at least {min} characters',
  'password.too_long': 'The password may have at most 1024 characters',
  'password.common': 'This password is too common: choose another',
  'password.repetitive':
    'The password repeats a character or a keyboard run: choose something less predictable',
  'password.contains_username': 'The password may not contain the username',

  'issue.field': '{path}: {message}',
  'issue.unstorable': 'unstorable character',
  'issue.unused_attribute': 'no model uses it',
  'issue.asked_of_model': 'the question was asked of {model}',
  'word.none': 'none',
  'list.separator': '; ',
  'ask.edited_query_title': 'Edited query',
  // Example questions built from the model's labels (routes/example-questions.ts); `{x_lower}` is label x in
  // lower case, for the middle of an English sentence.
  'example.metric_in_period': 'What was {metric_lower} last quarter?',
  'example.metric': 'What is the {metric_lower}?',
  'example.by_dimension': '{metric} by {dimension_lower} last quarter',
  'example.last_quarter': 'What was the {metric_lower} last quarter?',
  'example.highest': 'Which {dimension_lower} had the highest {metric_lower} last quarter?',
  'example.trend': 'Monthly {metric_lower} trend over the past 12 months',
  'example.reasons': 'What were the main reasons customers churned last quarter?',
  'example.at_risk': 'Which high-value customers are at risk, and what should we do?',
} as const;

/** A message of the HTTP API. */
export type HttpMessageId = keyof typeof EN;
