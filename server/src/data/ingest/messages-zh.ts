import type { EN } from './messages-en.ts';

/** Chinese text of ingest refusals (same keys as `messages-en.ts`). */
export const ZH: Record<keyof typeof EN, string> = {
  database_locked:
    '{db} 正被另一个进程（服务器？）打开：请先停止服务器，再重新导入（DuckDB 每个文件只允许一个写入者）',
};
