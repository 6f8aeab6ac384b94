import { ari05 } from './ari-05';
import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';

const first =
  '共公开发布各类信息 183 条，其中，政府网站发布信息 14 条；微信公众平台发布信息 169 条。其中，网站发布 10 条，新媒体发布 23 条。';

ruleTester(ari05, {
  valid: [
    {
      name: 'seed 003: 14 and 169 restated in 一(四)',
      html: reportPage({
        year: 2021,
        text: { 一: [first, '2021 年依托县政府网站发布文件信息 14 条，政务微信发布信息 169 条。'] },
      }),
    },
    {
      name: 'another year is another metric',
      html: reportPage({ year: 2021, text: { 一: [first, '2020 年政府网站发布信息 20 条。'] } }),
    },
    {
      name: 'an approximate count admits the exact restatement',
      html: reportPage({
        year: 2021,
        text: { 一: ['政府网站发布信息1500余条。', '县政府网站发布文件信息1520条。'] },
      }),
    },
  ],
  invalid: [
    {
      name: 'the website count restated differently',
      html: reportPage({
        year: 2021,
        text: { 一: [first, '2021 年依托县政府网站发布文件信息 15 条，政务微信发布信息 169 条。'] },
      }),
      errors: [
        {
          messageId: 'mismatch',
          severity: 'warning',
          cells: [],
          zh: '政府网站发布信息前文为 14条，此处为 15条',
        },
      ],
    },
    {
      name: 'the WeChat count restated differently, with full-width digits',
      html: reportPage({
        year: 2021,
        text: { 一: [first, '2021年依托县政府网站发布文件信息14条，政务微信发布信息１７０条。'] },
      }),
      errors: [{ messageId: 'mismatch', cells: [], zh: '政务微信发布信息前文为 169条，此处为 170条' }],
    },
  ],
});
