/**
 * English as a European learner writes it (French, Italian, Spanish, German calques): each phrase with the
 * standard English it means. Read before matching and named back (text/learner-english.ts).
 */
export const LEARNER_PHRASES_EN: [RegExp, string][] = [
  // "the more high first" (le plus haut): the highest, ordered from it
  [/\b(?:the\s+)?more\s+high\s+first\b/gi, 'highest first'],
  [/\b(?:the\s+)?more\s+low\s+first\b/gi, 'lowest first'],
  [/\bthe\s+more\s+(?:high|big|important)\b/gi, 'the highest'],
  [/\bthe\s+more\s+(?:low|small)\b/gi, 'the lowest'],
  // "more high than" (plus haut que): higher than
  [/\bmore\s+high\s+than\b/gi, 'higher than'],
  [/\bmore\s+low\s+than\b/gi, 'lower than'],
  // "since 3 months" (depuis 3 mois): over the last 3 months
  [
    /(?<!(?:\bnot|n't|\bnever|\bno|\bnone)\b[^.?!,;]*)\bsince\s+(\d+|one|two|three|four|five|six|nine|twelve)\s+(days?|weeks?|months?|quarters?|years?)\b/gi,
    'over the last $1 $2',
  ],
  [/\bsince\s+the\s+(?:beginning|start)\s+of\s+(?:the|this)\s+year\b/gi, 'year to date'],
  // "than the last year in the same period" (que l'année dernière sur la même période)
  [/\b(?:the\s+)?last\s+year\s+(?:in|on|for|over)\s+the\s+same\s+period\b/gi, 'the same period last year'],
  // "how much clients" (combien de clients): how many
  [/\bhow\s+much\s+(?=(?:customers|users|members|people|subscribers|orders|tickets)\b)/gi, 'how many '],
  // "make come back" (faire revenir): win back
  [/\bmake\s+(?:come|coming)\s+back\b/gi, 'win back'],
  // "which is the churn rate" (quel est): what is
  [/\bwhich\s+(is|are|was|were)\s+the\b/gi, 'what $1 the'],
  // "for which reasons" (pour quelles raisons): why
  [/\bfor\s+which\s+reasons?\b/gi, 'why'],
  // a double negative (n'a rien acheté): "did not buy nothing" = did not buy anything
  [
    /\b(did\s*n[o']t|do\s*n[o']t|does\s*n[o']t|have\s*n[o']t|has\s*n[o']t)\s+(\w+)\s+nothing\b/gi,
    '$1 $2 anything',
  ],
  // "before to leave" (avant de partir), "depending of" (en fonction de), "in average" (en moyenne)
  [/\bbefore\s+to\s+(\w+?)e?\b(?=[\s,.?!]|$)/gi, 'before $1ing'],
  [/\bdepending\s+of\b/gi, 'depending on'],
  [/\bin\s+average\b/gi, 'on average'],
  [/\bby\s+order\b(?=\s*(?:this|last|in|[,.?!]|$))/gi, 'per order'],
  // "what we should do" (que devons-nous faire), "how we can": the question's word order
  [/\bwhat\s+we\s+(should|can|must|could)\b/gi, 'what $1 we'],
  [/\bhow\s+we\s+(should|can|must|could)\b/gi, 'how $1 we'],
  // "month per month" (mois par mois): month by month
  [/\b(day|week|month|quarter|year)\s+per\s+\1\b/gi, '$1 by $1'],
];
