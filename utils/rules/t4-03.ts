import { t4BlockRule } from './lib/t4-block';

export const t403 = t4BlockRule('T4-03', 'litAfterRev', {
  zh: '表四复议后起诉：各结果之和 = 总计',
  en: 'Table 4 lawsuits after review: outcomes add up to the total',
});
