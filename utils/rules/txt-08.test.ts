import { ruleTester } from './rule-tester';
import { reportPage } from './testing/pages';
import { txt08 } from './txt-08';

ruleTester(txt08, {
  valid: [
    {
      name: '上海 2019: 主动公开规章13件，行政规范性文件60件 ↔ 本年新公开 13 / 60',
      html: reportPage({
        format: '2019',
        t2: {
          'art20_1.regulations/newMade': '13',
          'art20_1.regulations/newPublished': '13',
          'art20_1.normativeDocs/newMade': '60',
          'art20_1.normativeDocs/newPublished': '60',
        },
        text: { 一: ['通过门户网站、政府公报等平台主动公开规章13件，行政规范性文件60件，其他文件162件。'] },
      }),
    },
    {
      name: 'seed 001: 制作规范性文件 2 件,全部公开 ↔ 2 / 2',
      html: reportPage({
        format: '2019',
        t2: {
          'art20_1.normativeDocs/newMade': '2',
          'art20_1.normativeDocs/newPublished': '2',
          'art20_1.normativeDocs/totalPublic': '2',
        },
        text: { 一: ['制作规范性文件 2 件,全部公开;'] },
      }),
    },
    {
      name: 'F2021 made, repealed, valid',
      html: reportPage({
        t2: {
          'art20_1.normativeDocs/made': '3',
          'art20_1.normativeDocs/repealed': '1',
          'art20_1.normativeDocs/valid': '12',
        },
        text: { 一: ['本年制发行政规范性文件3件，废止行政规范性文件1件，现行有效行政规范性文件12件。'] },
      }),
    },
    {
      // 平潭 2023: the cleaned-up stock plus this year's documents make the year-end count.
      name: 'a consolidated stock plus this year’s documents adds up to 现行有效件数',
      html: reportPage({
        t2: {
          'art20_1.normativeDocs/made': '77',
          'art20_1.normativeDocs/repealed': '132',
          'art20_1.normativeDocs/valid': '470',
        },
        text: { 一: ['清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。'] },
      }),
    },
  ],
  invalid: [
    {
      name: '主动公开行政规范性文件 6 件 vs 本年新公开 60',
      html: reportPage({
        format: '2019',
        t2: {
          'art20_1.normativeDocs/newMade': '60',
          'art20_1.normativeDocs/newPublished': '60',
        },
        text: { 一: ['全年主动公开行政规范性文件6件。'] },
      }),
      errors: [{ messageId: 'mismatch', cells: ['active/art20_1.normativeDocs/newPublished'] }],
    },
    {
      name: '全部公开, but only 1 published',
      html: reportPage({
        format: '2019',
        t2: {
          'art20_1.normativeDocs/newMade': '2',
          'art20_1.normativeDocs/newPublished': '1',
          'art20_1.normativeDocs/totalPublic': '2',
        },
        text: { 一: ['制作规范性文件 2 件,全部公开;'] },
      }),
      errors: [
        {
          messageId: 'mismatch',
          cells: ['active/art20_1.normativeDocs/newPublished'],
          zh: '本年新公开 2件，但表二为 1',
        },
      ],
    },
    {
      name: 'F2021 valid 12 vs 10',
      html: reportPage({
        t2: { 'art20_1.normativeDocs/valid': '10' },
        text: { 一: ['现行有效行政规范性文件12件。'] },
      }),
      errors: [{ messageId: 'mismatch', cells: ['active/art20_1.normativeDocs/valid'] }],
    },
  ],
});
