import { describe, expect, it } from 'vitest';
import { classifyFeedback, classifyFeedbackBatch } from './classify-feedback.ts';
import { detectLanguage } from './language.ts';
import { defaultMatcher } from './lexicon.ts';
import { normaliseFeedbackText } from './normalise-text.ts';
import { scoreFeedback } from './score-feedback.ts';

const topicOf = (text: string) => classifyFeedback(text).topic;
const sentimentOf = (text: string) => classifyFeedback(text).sentiment;
/** The lexicon's sentiment sum: the rules for degree, emphasis and negation act on it (the model reads it). */
const lexiconSum = (text: string) => scoreFeedback(normaliseFeedbackText(text), defaultMatcher()).sentiment;

describe('topic: one typical complaint per taxonomy code, in Chinese and English', () => {
  it.each([
    ['送餐太慢了，等了一个多小时才送到', 'logistics'],
    ['My package has been stuck in transit for two weeks.', 'logistics'],
    ['菜里面吃出了头发，太恶心了', 'product_quality'],
    ['The fabric feels cheap and the colour faded after one wash.', 'product_quality'],
    ['又涨价了，性价比越来越低', 'price'],
    ['Your prices went up again and it is too expensive now.', 'price'],
    ['客服态度很差，问了三遍都不耐烦', 'service'],
    ['The agent was rude and hung up on me.', 'service'],
    ['拼多多上同款便宜一半，以后去那边买了', 'competitor'],
    ["I'm switching to another provider that offers better rates.", 'competitor'],
    ['已经取消订阅了，为什么还在自动扣费？', 'billing'],
    ['I was charged twice for the same order.', 'billing'],
    ['APP一打开就闪退，根本用不了', 'technical'],
    ["I can't log in after the latest update.", 'technical'],
  ])('%s → %s', (text, topic) => {
    expect(topicOf(text)).toBe(topic);
  });

  it('names praise with no issue as other (送餐很快，味道也不错)', () => {
    const result = classifyFeedback('送餐很快，味道也不错，下次还点');
    expect(result.topic).toBe('other');
    expect(result.sentiment).toBe('positive');
  });
});

describe('sentiment', () => {
  it.each([
    ['好吃，分量足，送餐也快，好评！', 'positive'],
    ['太难吃了，差评', 'negative'],
    ['Great experience overall, thank you!', 'positive'],
    ['Terrible support, nobody ever answered.', 'negative'],
    ['请问你们周末营业吗？', 'neutral'],
  ])('%s → %s', (text, sentiment) => {
    expect(sentimentOf(text)).toBe(sentiment);
  });

  it('reads colloquial complaints of Chinese reviews (慢死了, 洒了, 凉了, 再也不点了)', () => {
    for (const text of ['慢死了', '汤全洒了', '送来都凉了', '再也不点了'])
      expect(sentimentOf(text)).toBe('negative');
    expect(lexiconSum('慢死了')).toBeLessThan(lexiconSum('慢'));
  });

  it('lets degree adverbs strengthen a word (很好吃 > 好吃 > 有点好吃)', () => {
    const score = lexiconSum;
    expect(score('很好吃')).toBeGreaterThan(score('好吃'));
    expect(score('太难吃')).toBeLessThan(score('难吃'));
  });

  it('counts repeated exclamation marks as emphasis and ?? as exasperation', () => {
    expect(lexiconSum('太慢了！！！')).toBeLessThan(lexiconSum('太慢了'));
    expect(classifyFeedback('为什么不给吸管？？？').sentiment).toBe('negative');
  });
});

describe('negation', () => {
  it('"不慢" is not a negative logistics complaint', () => {
    const result = classifyFeedback('送餐不慢');
    expect(result.sentiment).not.toBe('negative');
    expect(result.topic).toBe('other');
    expect(result.cues).toContain('+0.90 慢 (negated by 不)');
  });

  it('"not bad" is positive-ish and "not good" negative', () => {
    expect(classifyFeedback('not bad').sentimentScore).toBeGreaterThan(0.15);
    expect(sentimentOf('The food was not good.')).toBe('negative');
  });

  it('hedged negation is milder (不太好吃 is less negative than 不好吃)', () => {
    expect(classifyFeedback('不太好吃').sentimentScore).toBeLessThan(0);
    expect(lexiconSum('不太好吃')).toBeGreaterThan(lexiconSum('不好吃'));
  });

  it('keeps a negator on its own subject: 没有优惠 does not flip the 差评 after it', () => {
    expect(sentimentOf('没有优惠差评！')).toBe('negative');
  });

  it('a comparison with the past negates the praise after it (不如以前好吃)', () => {
    expect(sentimentOf('不如以前好吃了')).toBe('negative');
  });
});

describe('contrast', () => {
  it('the clause after 但是 weighs more than the one before', () => {
    expect(sentimentOf('味道不错，但是送餐太慢了')).toBe('negative');
    expect(topicOf('味道不错，但是送餐太慢了')).toBe('logistics');
    expect(sentimentOf('送餐有点慢，但是味道非常好')).toBe('positive');
  });

  it('"but" splits the topic evidence: praise before it does not hide the complaint after it', () => {
    const result = classifyFeedback('Good products but the price hike pushed me away.');
    expect(result.topic).toBe('price');
    expect(result.sentiment).toBe('negative');
    expect(result.cues).toContain('contrast but: before ×0.6, after ×1.5');
  });
});

describe('language and mixed text', () => {
  it('detects Chinese by CJK share, also with English words inside', () => {
    expect(detectLanguage('APP又crash了，太烦了').language).toBe('zh');
    expect(detectLanguage('The app crashes').language).toBe('en');
    expect(classifyFeedback('送餐太慢', 'en').language).toBe('en');
  });

  it('classifies mixed Chinese-English complaints', () => {
    expect(classifyFeedback('APP又crash了，太烦了')).toMatchObject({
      topic: 'technical',
      sentiment: 'negative',
    });
    expect(classifyFeedback('快递 delay 了三天，还没人通知我')).toMatchObject({
      topic: 'logistics',
      sentiment: 'negative',
    });
  });
});

describe('edge input', () => {
  it.each([
    ['', 'empty text: nothing to classify'],
    ['   ', 'empty text: nothing to classify'],
    ['!!!???…', 'no words in text: nothing to classify'],
    ['12345', 'no words in text: nothing to classify'],
  ])('%j returns neutral other with a cue saying why', (text, cue) => {
    const result = classifyFeedback(text);
    expect(result).toMatchObject({ topic: 'other', sentiment: 'neutral', sentimentScore: 0, topicScore: 0 });
    expect(result.cues).toContain(cue);
  });

  it('gibberish letters give neutral other and say that no topic term was found', () => {
    const result = classifyFeedback('asdfgh qwerty');
    expect(result).toMatchObject({ topic: 'other', sentiment: 'neutral' });
    expect(result.cues).toContain('topic other: no topic terms');
  });

  it('every result explains itself: the cues name the words that decided it', () => {
    const result = classifyFeedback('送错了，太差了');
    expect(result.cues[0]).toBe('language zh (CJK share 1.00)');
    expect(result.cues.some((c) => c.includes('送错'))).toBe(true);
    expect(result.cues.at(-1)).toMatch(/^topic logistics /);
  });

  it('classifyFeedbackBatch returns one result per text, in order', () => {
    const results = classifyFeedbackBatch(['太难吃了', 'Too expensive for what you get.', '']);
    expect(results.map((r) => r.topic)).toEqual(['product_quality', 'price', 'other']);
  });
});

describe('lukewarm verdicts (一般般, okay) are neutral when nothing else is said', () => {
  it('keeps the lean in the score but says neutral', () => {
    const middling = classifyFeedback('一般般，没有惊喜');
    expect(middling).toMatchObject({ sentiment: 'neutral', topic: 'other' });
    expect(middling.sentimentScore).toBeLessThan(0);
    expect(middling.cues).toContain('only lukewarm verdicts: neutral');
    const okay = classifyFeedback('It is okay.');
    expect(okay.sentiment).toBe('neutral');
    expect(okay.sentimentScore).toBeGreaterThan(0);
  });

  it('a strengthened lukewarm word or a real complaint next to it is still negative', () => {
    expect(sentimentOf('很一般')).toBe('negative');
    expect(classifyFeedback('味道一般，送餐太慢了')).toMatchObject({
      sentiment: 'negative',
      topic: 'logistics',
    });
  });
});

describe('praise names no reason, also in its clauses without sentiment', () => {
  it('质量很好，和描述一致 is positive other; a complaint after 但是 still names its topic', () => {
    expect(classifyFeedback('质量很好，和描述一致')).toMatchObject({ sentiment: 'positive', topic: 'other' });
    expect(classifyFeedback('包装很好，但是里面的杯子碎了')).toMatchObject({
      sentiment: 'negative',
      topic: 'product_quality',
    });
  });
});

describe('praise of a rival is a complaint about us', () => {
  it.each([
    ['唯品会上一样的衣服便宜一半', 'competitor', 'negative'],
    ['京东送货比这里快', 'competitor', 'negative'],
    ['Returns are so much easier at Costco.', 'competitor', 'negative'],
    // The rival named below us: praise of us.
    ['比京东便宜多了', 'other', 'positive'],
    ['Cheaper than Amazon and faster too!', 'other', 'positive'],
  ])('%s → %s, %s', (text, topic, sentiment) => {
    expect(classifyFeedback(text)).toMatchObject({ topic, sentiment });
  });

  it('says so in the cues', () => {
    expect(classifyFeedback('唯品会上一样的衣服便宜一半').cues).toContain('-1.00 便宜 (praise of a rival)');
  });
});

describe('retail complaints', () => {
  it.each([
    ['退款等了两个星期还没到账', 'billing'],
    ['Waited three weeks for my parcel.', 'logistics'],
    ['Still no refund after two weeks.', 'billing'],
    ['用了两天就坏了', 'product_quality'],
    ['耳机有杂音，做工粗糙', 'product_quality'],
    ['The sofa has a strange smell and the fabric is peeling.', 'product_quality'],
    ['My account is frozen and I cannot log in.', 'technical'],
    ['客服一直踢皮球', 'service'],
  ])('%s → %s, negative', (text, topic) => {
    expect(classifyFeedback(text)).toMatchObject({ topic, sentiment: 'negative' });
  });

  it('reads a wait of days as a complaint but not a use of days (用了两天) or next-day delivery', () => {
    expect(classifyFeedback('Waited three weeks for my parcel.').cues).toContain('-1.95 waited three weeks');
    expect(classifyFeedback('用了两天就坏了').cues.some((c) => c.includes('两天'))).toBe(false);
    expect(sentimentOf('第二天就到了，很快')).toBe('positive');
  });

  it('还没用 is "not used yet", not 没用 "useless"; 不够 does not negate itself', () => {
    expect(sentimentOf('刚收到，还没用')).toBe('neutral');
    expect(sentimentOf('分量不够')).toBe('negative');
  });
});

describe('issue 18 item 8: traditional characters, transcripts, aspect and the praise rule', () => {
  it('reads traditional Chinese through the simplified lexicon and model', () => {
    const result = classifyFeedback('運費太貴了，根本不划算');
    expect(result).toMatchObject({ topic: 'price', sentiment: 'negative', language: 'zh' });
  });

  it("reads only the customer's turns of a chat transcript", () => {
    const result = classifyFeedback(
      'Agent: Sorry to hear about our support team. Customer: the app crashes every time I try to pay',
    );
    expect(result).toMatchObject({ topic: 'technical', sentiment: 'negative' });
  });

  it('praise names no reason but keeps its aspect', () => {
    expect(classifyFeedback('物流很快，第二天就到了')).toMatchObject({
      topic: 'other',
      aspect: 'logistics',
      sentiment: 'positive',
    });
  });

  it('praise that also states a problem keeps the problem as its topic', () => {
    const result = classifyFeedback('味道不错，就是太咸了，下次少放点盐');
    expect(result.topic).toBe('product_quality');
    expect(result.aspect).toBe('product_quality');
  });
});
