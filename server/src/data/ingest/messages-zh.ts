import type { EN } from './messages-en.ts';

/** Chinese text of ingest refusals (same keys as `messages-en.ts`). */
export const ZH: Record<keyof typeof EN, string> = {
  database_locked:
    '{db} 正被另一个进程（服务器？）打开：请先停止服务器，再重新导入（DuckDB 每个文件只允许一个写入者）',
  through_server: '{db} 正由 {url} 的服务器使用：先导入到 {staged}，再请服务器启用新数据……',
  server_needs_token:
    '{db} 正由 {url} 的服务器使用。请把 CHATBI_API_TOKEN 设为该服务器的管理员 API 令牌，即可不停机经服务器载入；或先停止服务器。',
  server_append:
    '{db} 正由 {url} 的服务器使用：--mode append 需要直接修改正在服务的数据。请先停止服务器，或用 --mode replace（默认）经服务器载入。',
  reloaded: '{url} 的服务器已启用 {model} 的新数据（切换用时 {seconds} 秒，无需重启）。',
  reload_refused: '{url} 的服务器未接受 {model} 的新数据（HTTP {status}）：{message}',
  server_unreachable: '{db} 正由 {url} 的服务器使用，但它没有响应（{why}）：请停止它后重新导入。',
};
