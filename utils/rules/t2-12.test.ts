import { ruleTester } from './rule-tester';
import { t212 } from './t2-12';
import { reportPage } from './testing/pages';

ruleTester(t212, {
  valid: [
    { name: 'a county reports no regulations', html: reportPage() },
    {
      name: 'a province makes regulations',
      html: reportPage({ agency: '某省人民政府', t2: { 'art20_1.regulations/made': '3' } }),
    },
    {
      name: 'a city government: may be a 设区的市, no warning',
      html: reportPage({ agency: '某市人民政府', t2: { 'art20_1.regulations/made': '1' } }),
    },
    {
      name: 'a legal-affairs department may report its government’s regulations',
      html: reportPage({ agency: '某市司法局', t2: { 'art20_1.regulations/made': '2' } }),
    },
  ],
  invalid: [
    {
      name: 'a county government with regulations',
      html: reportPage({ t2: { 'art20_1.regulations/made': '1' } }),
      errors: [
        {
          messageId: 'noPower',
          severity: 'warning',
          cells: ['active/art20_1.regulations/made'],
          zh: '某县人民政府是县级人民政府，没有规章制定权，但“规章”本年制发 1 件',
        },
      ],
    },
    {
      name: 'a park committee with regulations (2019 format)',
      html: reportPage({
        agency: '某工业园区管委会',
        format: '2019',
        t2: { 'art20_1.regulations/newMade': '2' },
      }),
      errors: [
        {
          messageId: 'noPower',
          cells: ['active/art20_1.regulations/newMade'],
          en: 'is a development-zone committee',
        },
      ],
    },
    {
      name: 'a county department with regulations',
      html: reportPage({ agency: '某县交通运输局', t2: { 'art20_1.regulations/made': '1' } }),
      errors: [{ messageId: 'noPower', cells: ['active/art20_1.regulations/made'], zh: '地方政府部门' }],
    },
  ],
});
