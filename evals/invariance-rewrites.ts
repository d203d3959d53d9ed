import { Converter } from 'opencc-js/cn2t';

/**
 * Meaning-preserving rewrites of a question (issue 13, paraphrase invariance): what new users change
 * without changing what they ask — a lead-in, a tail, punctuation width, spacing, script, a pronoun, a
 * synonym of a period, case, a contraction, one typo, a sentence of context, a line break. Each rewrite
 * is deterministic and returns null where it does not apply or would change the meaning.
 */
export interface Rewrite {
  id: string;
  /** zh: questions with Chinese characters; en: questions without; both: any. */
  lang: 'zh' | 'en' | 'both';
  apply(question: string): string | null;
}

const CJK = /[\u3400-\u9fff]/;
const hasChinese = (q: string) => CJK.test(q);
const END_PUNCT = /[?？!！。.～~\s]+$/u;
/** An id-like token (C0000888, 6380-ARCEH): case matters, so case rewrites skip the question. */
const ID_LIKE = /\b(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9-]{5,}\b/;

/** The question without its closing punctuation, and that punctuation. */
function splitEnd(q: string): [string, string] {
  const m = q.match(END_PUNCT);
  return m ? [q.slice(0, m.index), m[0].trim()] : [q, ''];
}

/** A lead-in said before the question, unless the question already opens with it. */
const lead = (id: string, lang: 'zh' | 'en', words: string, lowerFirst = false): Rewrite => ({
  id,
  lang,
  apply: (q) => {
    const t = q.trim();
    if (
      t.toLowerCase().startsWith(
        words
          .trim()
          .toLowerCase()
          .replace(/[，,:]$/, ''),
      )
    )
      return null;
    return words + (lowerFirst ? lowerFirstWord(t) : t);
  },
});

/** "What …" → "what …", unless the first word is an acronym or a name-like token (NPS, Q3, AOV). */
function lowerFirstWord(q: string): string {
  const first = q.split(/\s/)[0] ?? '';
  return /^[A-Z][a-z']*$/.test(first) ? first.toLowerCase() + q.slice(first.length) : q;
}

/** Words asking a question (an English ask a "can you tell me" lead-in keeps its sense before). */
const ASKING_EN = /^(what|which|how|who|where|when|why|is|are|was|were|does|do|did|has|have)\b/i;

/** A tail said after the question, before its closing punctuation (inside) or after it. */
const tail = (id: string, lang: 'zh' | 'en', words: string, inside: boolean): Rewrite => ({
  id,
  lang,
  apply: (q) => {
    const [body, end] = splitEnd(q.trim());
    if (!body || body.endsWith(words.trim())) return null;
    return inside ? `${body}${words}${end}` : `${body}${end}${words}`;
  },
});

const FULL_TO_HALF: Record<string, string> = {
  '，': ',',
  '。': '.',
  '？': '?',
  '！': '!',
  '：': ':',
  '；': ';',
  '（': '(',
  '）': ')',
};
const HALF_TO_FULL = Object.fromEntries(Object.entries(FULL_TO_HALF).map(([f, h]) => [h, f]));

/** Full-width punctuation to half-width, or (a question with none) half-width to full-width. */
export function swapPunctuationWidth(q: string): string | null {
  if (/[，。？！：；（）]/.test(q)) return q.replace(/[，。？！：；（）]/g, (c) => FULL_TO_HALF[c] ?? c);
  // a full stop or colon between digits (3.5, 10:30) is no sentence punctuation
  const out = q.replace(/[,?!;()]|(?<!\d)[.:]|[.:](?!\d)/g, (c) => HALF_TO_FULL[c] ?? c);
  return out === q ? null : out;
}

const LATIN_AFTER_CJK = /([\u3400-\u9fff])([A-Za-z0-9])/g;
const CJK_AFTER_LATIN = /([A-Za-z0-9%])([\u3400-\u9fff])/g;
/** A space between Chinese and Latin letters or digits (pangu spacing), or, where there is one, none. */
export function swapCjkSpacing(q: string): string | null {
  if (/[\u3400-\u9fff] [A-Za-z0-9]|[A-Za-z0-9%] [\u3400-\u9fff]/.test(q))
    return q
      .replace(/([\u3400-\u9fff]) ([A-Za-z0-9])/g, '$1$2')
      .replace(/([A-Za-z0-9%]) ([\u3400-\u9fff])/g, '$1$2');
  const out = q.replace(LATIN_AFTER_CJK, '$1 $2').replace(CJK_AFTER_LATIN, '$1 $2');
  return out === q ? null : out;
}

let toTraditional: ((text: string) => string) | undefined;
/** The question in traditional characters (OpenCC, Taiwan standard, characters only). */
export function traditional(q: string): string | null {
  toTraditional ??= Converter({ from: 'cn', to: 'tw' });
  const out = (toTraditional as (text: string) => string)(q);
  return out === q ? null : out;
}

/** Replaces the first match of each pattern by its replacement (one cycle step), or null. */
function cycle(q: string, steps: [RegExp, string][]): string | null {
  for (const [from, to] of steps) if (from.test(q)) return q.replace(from, to);
  return null;
}

/** 我们 ↔ 咱们, 我司 → 我们公司. */
export const swapWe = (q: string) =>
  cycle(q, [
    [/我们/, '咱们'],
    [/咱们/, '我们'],
    [/我司/, '我们公司'],
  ]);

/** 是多少 → 多少, 有多少 → 多少 (not 没有/还有), a clause-final bare 多少 → 是多少. */
export const swapHowMuch = (q: string) =>
  cycle(q, [
    [/是多少/, '多少'],
    [/(?<![没还])有多少/, '多少'],
    [/(?<![是有了占差至到多])多少(?=[？?。，,！!～\s]|$)/, '是多少'],
  ]);

/** 上季度 → 上个季度 → 上一季度 → 上季度 (never 上上个季度, two quarters back). */
export const swapLastQuarterZh = (q: string) =>
  cycle(q, [
    [/(?<!上)上季度/, '上个季度'],
    [/(?<!上)上个季度/, '上一季度'],
    [/(?<!上)上一个?季度/, '上季度'],
  ]);

/** Title Case: each word's first letter upper-cased (ids and acronyms as they are). */
function titleCase(q: string): string | null {
  if (ID_LIKE.test(q)) return null;
  const out = q.replace(/(?<![\w'])([a-z])([a-z']*)/g, (_, a: string, b: string) => a.toUpperCase() + b);
  return out === q ? null : out;
}

function lowerCase(q: string): string | null {
  if (ID_LIKE.test(q)) return null;
  const out = q.toLowerCase();
  return out === q ? null : out;
}

const CONTRACTIONS: [RegExp, string][] = [
  [/\b([Ww]hat) is\b/, "$1's"],
  [/\b([Ww]hat)'s\b/, '$1 is'],
  [/\b([Hh]ow) is\b/, "$1's"],
  [/\b([Ww]ho) is\b/, "$1's"],
  [/\b([Ww]here) is\b/, "$1's"],
  [/\b([Dd]o) not\b/, "$1n't"],
  [/\b([Dd]id) not\b/, "$1n't"],
  [/\b([Dd]oes) not\b/, "$1n't"],
  [/\b([Ii]t) is\b/, "$1's"],
  [/\b([Dd]o|[Dd]id|[Dd]oes)n't\b/, '$1 not'],
];
/** what is ↔ what's, do not ↔ don't … (the first that applies). */
export const swapContraction = (q: string) => cycle(q, CONTRACTIONS);

/** last quarter → previous quarter → last quarter. */
export const swapPreviousQuarter = (q: string) =>
  cycle(q, [
    [/\blast quarter\b/i, 'previous quarter'],
    [/\bprevious quarter\b/i, 'last quarter'],
  ]);

/** last/previous quarter → last qtr. */
export const lastQtr = (q: string) => cycle(q, [[/\b(last|previous) quarter\b/i, 'last qtr']]);

/** customers ↔ clients, customer ↔ client. */
export const swapClients = (q: string) =>
  cycle(q, [
    [/\bcustomers\b/i, 'clients'],
    [/\bcustomer\b/i, 'client'],
  ]);

/**
 * One letter dropped from the middle of the longest plain word of 8+ letters (deterministic), unless the
 * result is itself a word (`isWord`): a misspelling, not another word.
 */
export function typo(q: string, isWord: (w: string) => boolean): string | null {
  const words = [...q.matchAll(/\b[a-z]{8,}\b/g)].sort((a, b) => b[0].length - a[0].length);
  const w = words[0];
  if (!w || w.index === undefined) return null;
  const at = Math.floor(w[0].length / 2);
  const wrong = w[0].slice(0, at) + w[0].slice(at + 1);
  if (isWord(wrong)) return null;
  return q.slice(0, w.index) + wrong + q.slice(w.index + w[0].length);
}

/** A sentence of context after the question. */
function contextSentence(q: string): string | null {
  const t = q.trim();
  if (hasChinese(t)) return /[。？！?!.]$/.test(t) ? `${t}需要给老板汇报。` : `${t}。需要给老板汇报。`;
  return /[.?!]$/.test(t) ? `${t} It's for a board deck.` : `${t}. It's for a board deck.`;
}

/** A line break at the first clause break (comma), or, in English, at the space nearest the middle. */
export function lineBreak(q: string): string | null {
  const t = q.trim();
  const comma = t.search(/，|, /);
  if (comma > 0 && comma < t.length - 2)
    return `${t
      .slice(0, comma + 1)
      .replace(/,$/, '')
      .replace(/，$/, '')}\n${t.slice(comma + 1).trimStart()}`;
  if (hasChinese(t)) return null;
  const spaces = [...t.matchAll(/ /g)].map((m) => m.index ?? 0);
  if (spaces.length < 2) return null;
  const mid = spaces.reduce((a, b) => (Math.abs(b - t.length / 2) < Math.abs(a - t.length / 2) ? b : a));
  return `${t.slice(0, mid)}\n${t.slice(mid + 1)}`;
}

/** Every rewrite, with the word test the typo rewrite uses. */
export function rewrites(isWord: (w: string) => boolean): Rewrite[] {
  return [
    lead('zh-lead-请问', 'zh', '请问'),
    lead('zh-lead-帮我查一下', 'zh', '帮我查一下'),
    lead('zh-lead-麻烦看下', 'zh', '麻烦看下'),
    lead('zh-lead-老板想知道', 'zh', '老板想知道，'),
    lead('zh-lead-@数据助手', 'zh', '@数据助手 '),
    tail('zh-tail-谢谢', 'zh', '谢谢', false),
    tail('zh-tail-哈', 'zh', '哈', true),
    tail('zh-tail-～', 'zh', '～', false),
    { id: 'zh-tail-？？', lang: 'zh', apply: (q) => `${splitEnd(q.trim())[0]}？？` },
    tail('zh-tail-🙏', 'zh', '🙏', false),
    { id: 'zh-punct-width', lang: 'zh', apply: swapPunctuationWidth },
    { id: 'zh-cjk-spacing', lang: 'zh', apply: swapCjkSpacing },
    { id: 'zh-traditional', lang: 'zh', apply: traditional },
    { id: 'zh-we', lang: 'zh', apply: swapWe },
    { id: 'zh-多少', lang: 'zh', apply: swapHowMuch },
    { id: 'zh-上季度', lang: 'zh', apply: swapLastQuarterZh },
    { id: 'en-lowercase', lang: 'en', apply: lowerCase },
    { id: 'en-titlecase', lang: 'en', apply: titleCase },
    lead('en-lead-hey', 'en', 'hey, ', true),
    lead('en-lead-quick-q', 'en', 'quick q: ', true),
    {
      id: 'en-lead-can-you-tell-me',
      lang: 'en',
      apply: (q) => (ASKING_EN.test(q.trim()) ? `can you tell me ${lowerFirstWord(q.trim())}` : null),
    },
    {
      id: 'en-lead-id-like-to-know',
      lang: 'en',
      apply: (q) => (ASKING_EN.test(q.trim()) ? `I'd like to know ${lowerFirstWord(q.trim())}` : null),
    },
    tail('en-tail-please', 'en', ' please', true),
    tail('en-tail-thanks', 'en', ' thanks!', false),
    {
      id: 'en-no-question-mark',
      lang: 'en',
      apply: (q) => (/\?\s*$/.test(q) ? q.replace(/\s*\?+\s*$/, '') : null),
    },
    { id: 'en-contraction', lang: 'en', apply: swapContraction },
    { id: 'en-previous-quarter', lang: 'en', apply: swapPreviousQuarter },
    { id: 'en-last-qtr', lang: 'en', apply: lastQtr },
    { id: 'en-clients', lang: 'en', apply: swapClients },
    { id: 'en-typo', lang: 'en', apply: (q) => typo(q, isWord) },
    { id: 'both-context', lang: 'both', apply: contextSentence },
    { id: 'both-line-break', lang: 'both', apply: lineBreak },
  ];
}

/** Whether a rewrite applies to a question (by script). */
export const appliesTo = (r: Rewrite, question: string) =>
  r.lang === 'both' || (r.lang === 'zh') === hasChinese(question);
