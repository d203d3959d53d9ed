/**
 * Builds the rules interpreter's per-catalog indexes (the catalog dictionary, the typo and pinyin dictionaries,
 * the traditional-to-simplified tables) and loads the English dictionary when a model version is activated, so the first questions after a start or
 * a publish do not each wait for them (issue 21 §1: ~0.2 s idle, seconds on a loaded machine, on the event loop).
 */
import type { Catalog } from '../../../semantic-layer/src/catalog.ts';
import { interpretWithRules } from './rules-interpreter.ts';
import { englishWords } from './text/english-words.ts';

/** Questions that touch every index: Chinese (pinyin, simplification) and English (typos). */
const WARM_UP_QUESTIONS = ['上個季度流失率', 'churn rate by region last quarter'];

export function warmInterpreter(catalog: Catalog, asOf: string): void {
  for (const question of WARM_UP_QUESTIONS) interpretWithRules({ question, catalog, asOf });
  // Read only when a word may be a typo, which neither warm-up question has (0.3 s of a cold burst's stall).
  englishWords();
}
