/**
 * Test support for the public datasets (IBM Telco, CDNOW, e-commerce, waimai): they are not in this
 * repository but in `../shared/data` next to it, or wherever `CHATBI_SHARED_DATA` points. A fresh clone
 * without them still passes `npm test`: tests that read them skip, naming the folder they need.
 */
import { existsSync } from 'node:fs';
import { sharedDataDir, sharedDataPath } from '../src/data/shared-data.ts';

/** Files (relative to the shared data folder) that are absent; empty when all are there. */
export function missingSharedData(...files: string[]): string[] {
  return files.filter((file) => !existsSync(sharedDataPath(file)));
}

/**
 * A suite title that says why it is skipped when files are missing (vitest prints skipped titles), and a
 * warning on stderr so a run's log names the folder to provide.
 */
export function sharedDataTitle(title: string, missing: string[]): string {
  if (missing.length === 0) return title;
  const need = `needs the public datasets in ${sharedDataDir()} (../shared/data next to the project, or set CHATBI_SHARED_DATA): missing ${missing.join(', ')}`;
  console.warn(`skipped "${title}": ${need}`);
  return `${title} [skipped: ${need}]`;
}

export const TELCO_FILES = [
  'telco_churn_ibm/Telco-Customer-Churn.csv',
  'telco_churn_ibm_v11_5tables/Telco_customer_churn_status.csv',
];
export const CDNOW_FILE = 'cdnow_transactions/cdnowElog.csv';
export const ECOMMERCE_FILE = 'ecommerce_churn_kaggle/ecommerce_churn.csv';
export const WAIMAI_FILE = 'cn_waimai_10k/waimai_10k.csv';
