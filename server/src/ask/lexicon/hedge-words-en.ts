/**
 * English of a polite newcomer: contractions, hedges and the background around an ask ("I just joined…",
 * "my team lead mentioned…", "just out of curiosity"). Dropped as filler; language vocabulary, not model
 * vocabulary (issue 13, "tolerant reading"). Contractions are compared with their apostrophe kept, so "I'd"
 * is never the word "id".
 */
export const CONTRACTIONS_EN = [
  "i'm",
  "i'd",
  "i've",
  "i'll",
  "we're",
  "we'd",
  "we've",
  "you're",
  "it's",
  "that's",
  "there's",
  "don't",
  "isn't",
  "wasn't",
  "can't",
  "couldn't",
];

export const HEDGE_WORDS_EN = [
  'lead',
  'mentioned',
  'kpi',
  'kpis',
  'sure',
  'curiosity',
  'possible',
  'might',
  'few',
  'proactively',
  'right',
  'term',
  'someone',
  'told',
  'even',
  'though',
  'mostly',
  'received',
  'make',
  'made',
  'love',
  'company',
  'previous',
  'here',
];
