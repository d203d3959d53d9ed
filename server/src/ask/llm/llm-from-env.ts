import OpenAI from 'openai';

/** An LLM endpoint ready for `interpretWithLlm`. */
export interface LlmConfig {
  client: OpenAI;
  model: string;
  timeoutMs: number;
  /** LLM_STREAM=1: ask for streamed responses (servers that only stream tool calls). */
  stream: boolean;
}

export const DEFAULT_LLM_MODEL = 'gpt-4o-mini';
export const DEFAULT_LLM_TIMEOUT_MS = 20_000;

/**
 * The LLM interpreter's client from the environment, or null when neither OPENAI_API_KEY nor
 * OPENAI_BASE_URL is set (the product then runs offline on the rules interpreter). Local servers
 * (Ollama, vLLM) need no key, so a base URL alone is enough.
 */
export function llmFromEnv(env: Record<string, string | undefined> = process.env): LlmConfig | null {
  const key = env.OPENAI_API_KEY?.trim() || undefined;
  const baseURL = env.OPENAI_BASE_URL?.trim() || undefined;
  if (!key && !baseURL) return null;
  const parsed = Number(env.LLM_TIMEOUT_MS);
  const timeoutMs = Number.isFinite(parsed) && parsed > 0 ? parsed : DEFAULT_LLM_TIMEOUT_MS;
  return {
    // Retries off: a slow or failing endpoint should fall back to the rules, not multiply the wait.
    client: new OpenAI({ apiKey: key ?? 'none', baseURL, timeout: timeoutMs, maxRetries: 0 }),
    model: env.LLM_MODEL?.trim() || DEFAULT_LLM_MODEL,
    timeoutMs,
    stream: env.LLM_STREAM === '1' || env.LLM_STREAM === 'true',
  };
}
