import { fmt11 } from './fmt-11';
import { ruleTester } from './rule-tester';
import { modelBuilder } from './testing/model-builder';

const model = (...paragraphs: string[]) => {
  const b = modelBuilder('pre2019').with({
    title: '银川德胜工业园区2017年政府信息公开工作年度报告',
    agency: '银川德胜工业园区',
  });
  for (const p of paragraphs) b.paragraph('other', p);
  return b.build();
};

ruleTester(fmt11, {
  valid: [
    { name: 'signature adds 管委会', model: model('银川德胜工业园区管委会', '2018年1月18日') },
    {
      name: '管理委员会 = 管委会',
      model: model('银川德胜工业园区管理委员会', '2018年1月18日', '填表单位：银川德胜工业园区管委会'),
    },
    {
      name: 'a notice cited in the preamble is not the issuer',
      model: modelBuilder('2021')
        .with({ title: '平潭综合实验区2021年政府信息公开工作年度报告', agency: '平潭综合实验区' })
        .paragraph(
          'preamble',
          '根据《福建省人民政府办公厅关于编制公布2021年度政府信息公开工作年度报告的通知》要求，现发布《平潭综合实验区2021年政府信息公开工作年度报告》。',
        )
        .build(),
    },
  ],
  invalid: [
    {
      name: 'seed 002: 填表单位 银川的神工业园区管委会',
      model: model('银川德胜工业园区管委会', '2018年1月18日', '填表单位：银川的神工业园区管委会'),
      errors: [
        {
          messageId: 'mismatch',
          severity: 'warning',
          cells: [],
          zh: '统计表填表单位中的机关名称“银川的神工业园区管委会”与标题“银川德胜工业园区”不一致',
        },
      ],
    },
  ],
});
