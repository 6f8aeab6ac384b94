import { t4BlockRule } from './lib/t4-block';

export const t402 = t4BlockRule('T4-02', 'litDirect', {
  zh: '表四未经复议直接起诉：各结果之和 = 总计',
  en: 'Table 4 lawsuits filed directly: outcomes add up to the total',
});
