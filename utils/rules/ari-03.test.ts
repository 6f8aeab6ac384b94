import { ari03 } from './ari-03';
import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';

const page = (...p: string[]) => reportPage({ text: { 一: p } });

ruleTester(ari03, {
  valid: [
    {
      name: 'seed 001: 8 categories of the 196 letters, shares 100',
      html: page(
        '已受理交办的196个信件中:城建物业类51件,占比26%;教育卫生类32件,占比16%;民生诉求类27件,占比14%;纪律作风类13件,占比7%;公共交通类14件,占比7%;非法集资类4件,占比2%;宗教类2件,占比1%;其他类53件,占比27%。',
      ),
    },
  ],
  invalid: [
    {
      name: 'counts short of the total',
      html: page('已受理交办的196个信件中:城建物业类51件,占比26%;其他类135件,占比74%。'),
      errors: [{ messageId: 'counts', cells: [], zh: '196个 中各类件数 51件 + 135件 = 186，与总数相差 10' }],
    },
    {
      name: 'shares far from 100',
      html: page('已受理交办的100个信件中:城建物业类50件,占比50%;其他类50件,占比40%。'),
      errors: [{ messageId: 'shares', cells: [], zh: '各类占比 50% + 40% 合计 90%' }],
    },
  ],
});
