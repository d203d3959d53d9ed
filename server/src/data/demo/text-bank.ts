/**
 * The verbatim bank: Chinese (~85% of texts) and English, negative texts per reason code,
 * positive texts per praised aspect, neutral texts. Loaded into DuckDB as `_demo_texts`.
 */
import type { ReasonCode } from '../../canonical/canonical-schema.ts';
import { EN_TEXTS } from './text-bank-en.ts';
import { ZH_TEXTS } from './text-bank-zh.ts';

export interface TextBank {
  negative: Record<ReasonCode, readonly string[]>;
  positive: Partial<Record<ReasonCode, readonly string[]>>;
  neutral: readonly string[];
}

export interface BankRow {
  language: 'zh' | 'en';
  sentiment: 'positive' | 'neutral' | 'negative';
  topic: ReasonCode;
  text: string;
}

/** Flattens both languages into rows (neutral texts carry topic `other`). */
export function textBankRows(): BankRow[] {
  const rows: BankRow[] = [];
  for (const [language, bank] of [
    ['zh', ZH_TEXTS],
    ['en', EN_TEXTS],
  ] as const) {
    for (const [topic, texts] of Object.entries(bank.negative)) {
      for (const text of texts)
        rows.push({ language, sentiment: 'negative', topic: topic as ReasonCode, text });
    }
    for (const [topic, texts] of Object.entries(bank.positive)) {
      for (const text of texts ?? [])
        rows.push({ language, sentiment: 'positive', topic: topic as ReasonCode, text });
    }
    for (const text of bank.neutral) rows.push({ language, sentiment: 'neutral', topic: 'other', text });
  }
  return rows;
}
