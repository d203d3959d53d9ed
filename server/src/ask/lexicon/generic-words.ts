/**
 * Words too generic to identify a dimension value on their own ("yes", "否", "other"): a value with
 * such a label is matched only together with its dimension ("技术支持为否", "no tech support").
 */
export const GENERIC_VALUE_WORDS = new Set([
  'yes',
  'no',
  'true',
  'false',
  'y',
  'n',
  'other',
  'others',
  'unknown',
  'none',
  'null',
  'na',
  'n a',
  '是',
  '否',
  '有',
  '无',
  '其他',
  '未知',
  '男',
  '女',
  '空',
  '高',
  '中',
  '低',
]);

/** Words naming people in general: a bare one is not a metric ("客户" alone → ask which count). */
export const ENTITY_WORDS = [
  '客户',
  '用户',
  '顾客',
  '会员',
  '客人',
  'customers',
  'customer',
  'users',
  'user',
  'clients',
  'client',
];
