/**
 * English shorthand, spelling variants and common misspellings that edit distance cannot settle
 * (too short, or more than one letter off): language vocabulary, not model vocabulary. Each is
 * replaced before matching and named back to the user ("read “qtr” as “quarter”").
 */
export const SHORTHAND_WORDS: Record<string, string> = {
  qtr: 'quarter',
  qtrs: 'quarters',
  qtd: 'quarter to date',
  mth: 'month',
  mths: 'months',
  mo: 'month',
  mos: 'months',
  yr: 'year',
  yrs: 'years',
  wk: 'week',
  wks: 'weeks',
  hr: 'hour',
  hrs: 'hours',
  sept: 'september',
  avg: 'average',
  avgs: 'averages',
  ave: 'average',
  cust: 'customer',
  custs: 'customers',
  custmers: 'customers',
  rev: 'revenue',
  revs: 'revenue',
  pymt: 'payment',
  pmt: 'payment',
  chrg: 'charge',
  chrgs: 'charges',
  chg: 'charge',
  chgs: 'charges',
  srs: 'seniors',
  sr: 'senior',
  mgr: 'manager',
  num: 'number',
  pct: 'percent',
  perc: 'percent',
  fibre: 'fiber',
  cnt: 'count',
  amt: 'amount',
  tix: 'tickets',
  // real words, but in questions about churn nearly always a misspelling
  loose: 'lose',
  looses: 'loses',
  loosing: 'losing',
  dept: 'department',
};

/** Symbols and shorthand written with punctuation, replaced on the raw text (case-insensitive). */
export const SHORTHAND_PHRASES: [RegExp, string][] = [
  [/\bw\/o\b/gi, 'without'],
  [/\bw\/(?=\s|$)/gi, 'with'],
  [/#\s*of\b/gi, 'number of'],
];

/** Short English words that must never be corrected towards a catalog word. */
export const MIN_TYPO_LENGTH = 4;
