import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';
import { val03 } from './val-03';

const AMOUNT = 'active/art20_9.procurement/amount';
const FEES = 'active/art20_8.fees/amountWan';

ruleTester(val03, {
  valid: [
    { name: 'zero amounts', html: reportPage() },
    {
      name: '2019: an amount with its unit',
      html: reportPage({
        format: '2019',
        t2: { 'art20_9.procurement/projects': '6', 'art20_9.procurement/amount': '251000元' },
      }),
    },
    { name: '2021: fees in 万元', html: reportPage({ t2: { 'art20_8.fees/amountWan': '12.35' } }) },
  ],
  invalid: [
    {
      name: '2019: an amount without a unit',
      html: reportPage({
        format: '2019',
        t2: { 'art20_9.procurement/projects': '3', 'art20_9.procurement/amount': '5600' },
      }),
      errors: [{ messageId: 'noUnit', severity: 'info', cells: [AMOUNT], zh: '采购总金额“5600”没有单位' }],
    },
    {
      name: '2021: fees written in 元 under a 万元 header',
      html: reportPage({ t2: { 'art20_8.fees/amountWan': '5000元' } }),
      errors: [{ messageId: 'yuanInWan', severity: 'warning', cells: [FEES], zh: '填写为“5000元”（元）' }],
    },
    {
      name: '2021: a county collecting 200 亿元 of fees',
      html: reportPage({ t2: { 'art20_8.fees/amountWan': '2000000' } }),
      errors: [{ messageId: 'tooLarge', severity: 'info', cells: [FEES], zh: '对县级人民政府来说过大' }],
    },
  ],
});
