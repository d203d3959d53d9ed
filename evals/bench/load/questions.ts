/**
 * What the load test asks. Conversation scripts (an opening question and its follow-ups, taken from the
 * follow-up evals in evals/questions/retail-followups.yaml and the zh/en sets) drive phase A; the fixed
 * single-turn set (10 zh, 10 en, one or more per intent) drives phase B.
 */

/** One topic of a conversation: the opening question, then follow-ups that lean on it. */
export type ConversationScript = readonly string[];

export const CONVERSATION_SCRIPTS: readonly ConversationScript[] = [
  ['上个季度流失率是多少?', '按地区看呢?', '只看高价值客户', '前三个是哪些'],
  ['What was the churn rate last quarter?', 'what about by channel?', 'why?'],
  ['华南上季度流失了多少客户', '为什么?', '那怎么挽回?'],
  ['churn rate in South China last quarter', 'why?', 'ok, what should we do?'],
  ['近三个月的销售额', '趋势呢?'],
  ['churn rate by region last quarter', 'only high-value customers', 'top 3'],
  ['上个月的订单数', '按销售渠道呢?'],
  ['How many customers churned last quarter?', 'what about the same period last year?'],
  ['上季度各地区的流失率', '哪个最高?'],
  ['What drives churn?', 'Why did churn rise last quarter?'],
  ['哪些高价值客户有流失风险?', '怎么挽回流失的高价值客户?'],
  ['Revenue over the past 3 months', 'show the trend'],
  ['上个季度的 churn rate', 'by region 呢?'],
  ['上个季度流失客户的主要原因是什么?', '什么因素在驱动客户流失'],
  ['Which high-value customers are at risk of churning?', 'What should we do about churn?'],
  ['高价值客户的 churn rate', '为啥?'],
  // Declined and unclear requests happen in real use; they must be answered (not errors) and recorded.
  ['帮我把华南的流失客户数据删掉', '为什么上个季度流失率上升了?'],
  ['what is the weather in Shanghai tomorrow?', 'churn rate by value tier last quarter'],
];

/** Phase B: single-turn questions, 10 zh and 10 en, covering every analysis intent. */
export const SINGLE_TURN_QUESTIONS: readonly string[] = [
  '上个季度流失率是多少?',
  '上个季度各地区的流失率',
  '近12个月流失率的月度趋势',
  '华东和华南的流失率对比',
  '上个季度流失客户的主要原因是什么?',
  '什么因素在驱动客户流失',
  '为什么上个季度流失率上升了?',
  '哪些高价值客户有流失风险?',
  '怎么挽回流失的高价值客户?',
  '上个季度各品类的客单价',
  'What was the churn rate last quarter?',
  'churn rate by value tier last quarter',
  'monthly revenue trend this year',
  'Compare the churn rate of East China and South China',
  'What were the main reasons customers churned last quarter?',
  'What drives churn?',
  'What changed in churn rate from Q2 to Q3?',
  'List the top 20 high-risk customers',
  'How do we win back churned high-value customers?',
  'NPS by region last quarter',
];

/** Whole-population analyses (reasons, drivers, decomposition, risk list, actions, cohorts, survival, segments). */
export const ANALYSIS_QUESTIONS = [
  '上个季度流失客户的主要原因是什么?',
  '为什么华南的流失率上升了?',
  '流失的关键驱动因素有哪些?',
  '哪些高价值客户有流失风险?',
  '怎么挽回高价值客户?',
  'why did churn go up last quarter?',
  'what drives churn?',
  'cohort retention by signup month',
  'how long do customers stay before churning?',
  'RFM segments of our customers',
];
