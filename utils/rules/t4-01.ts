import { t4BlockRule } from './lib/t4-block';

export const t401 = t4BlockRule('T4-01', 'rev', {
  zh: '表四行政复议：各结果之和 = 总计',
  en: 'Table 4 administrative review: outcomes add up to the total',
});
