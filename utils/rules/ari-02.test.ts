import { ari02 } from './ari-02';
import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';

const page = (...p: string[]) => reportPage({ text: { 一: p } });

ruleTester(ari02, {
  valid: [
    {
      name: 'seed 001: 189 / 196 = 96.43 % ↔ 96.4%',
      html: page('2019年,共收到来信196件,交办196件,已办结189件,办结率96.4%。'),
    },
    {
      name: 'seed 001: 图文解读率 82.14% = 23 / 28',
      html: page(
        '全县共制发、上传政策性文件28个,解读28个,解读率100%。其中,图解23个,文字解读5个,图文解读率82.14%。',
      ),
    },
    {
      name: 'seed 001: shares of the 196 letters',
      html: page(
        '已受理交办的196个信件中:城建物业类51件,占比26%;教育卫生类32件,占比16%;其他类113件,占比58%。',
      ),
    },
    {
      name: 'a share of another total of the previous sentence (答复 805, not 受理 859)',
      html: page(
        '共受理政府信息公开申请859件；答复政府信息公开申请805件。不予公开35件，占4.34%；不予处理158件，占19.6%。',
      ),
    },
    { name: 'truncated rather than rounded', html: page('共受理诉求 3 件，办结 2 件，办结率66.6%。') },
  ],
  invalid: [
    {
      name: 'L6 (上海 2019): a share is explained against the base of its sibling shares (805, not 859)',
      html: page(
        '市政府办公厅代表市政府共受理政府信息公开申请859件，申请数量较去年回落12.3%；答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），均在法定期限内予以答复。予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%；因本机关不掌握等原因无法提供265件，占32.9%；不予处理158件，占19.6%；其他处理0件。',
      ),
      errors: [
        {
          messageId: 'mismatch',
          severity: 'warning',
          cells: [],
          zh: '占比 33.9%，但 258件 ÷ 805件 = 32.05%',
        },
      ],
    },
    {
      name: 'a rate that is not the ratio',
      html: page('共收到来信196件,已办结189件,办结率98.4%。'),
      errors: [
        {
          messageId: 'mismatch',
          severity: 'warning',
          cells: [],
          zh: '办结率 98.4%，但 189件 ÷ 196件 = 96.43%',
        },
      ],
    },
    {
      name: 'a share that is not the ratio',
      html: page('已受理交办的196个信件中:城建物业类51件,占比36%;其他类145件,占比74%。'),
      errors: [{ messageId: 'mismatch', cells: [], zh: '占比 36%，但 51件 ÷ 196个 = 26.02%' }],
    },
  ],
});
