import type { Catalog } from '../../../semantic-layer/src/catalog.ts';
import { nextConversationState } from '../../src/ask/conversation.ts';
import type { Interpretation } from '../../src/ask/interpretation.ts';
import { interpretWithRules } from '../../src/ask/rules-interpreter.ts';

/** The rules interpreter's reading of the last question of a conversation (each turn follows the one before). */
export function converse(turns: string[], catalog: Catalog, asOf: string): Interpretation {
  let previous: ReturnType<typeof nextConversationState> | undefined;
  let last: Interpretation | undefined;
  for (const question of turns) {
    const r = interpretWithRules({ question, catalog, asOf, previous });
    previous = nextConversationState(previous, r, r.defaultedRange);
    last = r;
  }
  if (!last) throw new Error('a conversation needs at least one question');
  return last;
}
