import { customerTurns } from './customer-turns.ts';
import { simplifyChinese } from './simplify-chinese.ts';

/**
 * What the classifier reads of a customer text: NFKC (full-width forms to ASCII), lower case, trimmed, only
 * the customer's turns of a chat transcript, traditional characters as simplified ones.
 */
export function normaliseFeedbackText(text: unknown): string {
  const plain = (typeof text === 'string' ? text : '').normalize('NFKC').toLowerCase().trim();
  return simplifyChinese(customerTurns(plain));
}
