import { fmt05 } from './fmt-05';
import { ruleTester } from './rule-tester';
import { modelBuilder } from './testing/model-builder';

const T60 =
  '《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）';
const T30 =
  '《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》（国办公开办函〔2021〕30号）';
const cite = (format: '2019' | '2021', year: number, text: string) =>
  modelBuilder(format).with({ year }).paragraph('preamble', `本报告依据${text}要求编制。`).build();

ruleTester(fmt05, {
  valid: [
    { name: '2020 citing 60号 with its exact title', model: cite('2019', 2020, T60) },
    { name: 'seed 004: 2023 citing 30号 (<> for 〈〉)', model: cite('2021', 2023, T30) },
    { name: 'no citation (seed 001)', model: cite('2019', 2019, '《中华人民共和国政府信息公开条例》') },
  ],
  invalid: [
    {
      name: 'seed 000: 事宜 for 事项',
      model: cite('2019', 2020, T60.replace('事项', '事宜')),
      errors: [{ messageId: 'title', severity: 'info', cells: [], zh: '（“事宜”应为“事项”）' }],
    },
    {
      name: 'a 2022 report still on 60号',
      model: cite('2021', 2022, T60),
      errors: [{ messageId: 'old', severity: 'warning', cells: [] }],
    },
    {
      name: 'a 2020 report citing 30号',
      model: cite('2019', 2020, T30),
      errors: [{ messageId: 'anachronism', severity: 'error', cells: [] }],
    },
    {
      name: 'the 2008 regulations cited as current',
      model: cite('2021', 2021, `《中华人民共和国政府信息公开条例》（国务院令第492号）和${T30}`),
      errors: [{ messageId: 'repealed', severity: 'info', cells: [] }],
    },
  ],
});
