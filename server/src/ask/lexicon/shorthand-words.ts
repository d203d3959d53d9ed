/**
 * English shorthand, spelling variants and common misspellings that edit distance cannot settle
 * (too short, or more than one letter off): language vocabulary, not model vocabulary. Each is
 * replaced before matching and named back to the user ("read “qtr” as “quarter”").
 */
export const SHORTHAND_WORDS: Record<string, string> = {
  // statistics: n = the number of ("n at-risk customers currently?", "n churned")
  n: 'number of',
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
  rgn: 'region',
  mthly: 'monthly',
  mnthly: 'monthly',
  rgns: 'regions',
  cat: 'category',
  cats: 'categories',
  // real words, but in questions about churn nearly always a misspelling
  loose: 'lose',
  looses: 'loses',
  loosing: 'losing',
  dept: 'department',
  // dictated and terse English (round 12b): sort words and chat abbreviations
  desc: 'descending',
  asc: 'ascending',
  ppl: 'people',
  acq: 'acquisition',
  acqs: 'acquisitions',
};

/** Symbols and shorthand written with punctuation, replaced on the raw text (case-insensitive). */
export const SHORTHAND_PHRASES: [RegExp, string][] = [
  [/\bw\/o\b/gi, 'without'],
  [/\bw\/(?=\s|$)/gi, 'with'],
  [/#\s*of\b/gi, 'number of'],
  [/\b(\d+)\s*(?:yrs?|years?)\b/gi, '$1 year'],
  [/\b(\d+)d\b/gi, '$1 days'],
  [/\bq\/q\b/gi, 'quarter over quarter'],
  [/\bm\/m\b/gi, 'month over month'],
  [/\by\/y\b/gi, 'year over year'],
  [/\bly\b(?=\s*[?.!]?\s*$)/gi, 'last year'],
  // business shorthand for comparisons, in the spellings of each register (MoM, m-o-m, month-on-month)
  [/\bw\/w\b|\bw-o-w\b|\bWoW\b|\bweek[- ]on[- ]week\b/g, 'week over week'],
  [/\bm-o-m\b|\bmonth[- ]on[- ]month\b/gi, 'month over month'],
  [/\bq-o-q\b|\bquarter[- ]on[- ]quarter\b/gi, 'quarter over quarter'],
  [/\by-o-y\b|\byear[- ]on[- ]year\b/gi, 'year over year'],
  [/\bvs\.?\s+ly\b/gi, 'vs last year'],
  // statistics shorthand: a bare total n counts everyone ("total n and n churned"); n before a word is in SHORTHAND_WORDS
  [/\b(total|overall)\s+n(?=\s*(?:and\b|[,&.?]|$))/gi, '$1 number of customers'],
];

/**
 * Forwarding wrappers of chat messages ("转发一下区域经理的问题：", "老板问：", "Fwd:"): not part of the
 * question (their nouns, 区域经理, are not filters). Removed before matching.
 */
export const FORWARD_PREFIXES: RegExp[] = [
  /^\s*(?:转发|转一下|fwd|fw)[^：:]{0,30}[：:]\s*/i,
  /^\s*[^：:，,。？?]{0,12}(?:问|关心|想知道|想了解|要看|需要)[：:，,]\s*/,
];

/** Short English words that must never be corrected towards a catalog word. */
export const MIN_TYPO_LENGTH = 4;
