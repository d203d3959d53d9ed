/**
 * Verbs that only say how a customer came to have a count or amount ("提交了3次以上工单", "placed 5 or more
 * orders", "have opened three tickets"): part of a condition on each customer, never unknown words.
 */
export const CONDITION_VERBS = [
  '提交过',
  '提交了',
  '提交',
  '提过',
  '提了',
  '下过',
  '下了',
  '买过',
  '买了',
  '消费过',
  '消费了',
  '开过',
  '有过',
  'placed',
  'opened',
  'made',
  'filed',
  'raised',
  'submitted',
  'logged',
  'bought',
  'purchased',
  'spent',
  'have',
  'has',
  'had',
  'who',
];
