import { describe, expect, it } from 'vitest';
import { figures, ofKind } from './testing';

// Publishing: channel counts (ARI-05), documents published through the portal and policy
// interpretations (S17-08), in the wordings real reports use.

const CHANNEL: [string, [string, number, string[]][]][] = [
  [
    '共公开发布各类信息183条，其中，政府网站发布信息14条；微信公众平台发布信息169条。',
    [
      ['website', 14, []],
      ['wechat', 169, []],
    ],
  ],
  [
    '2021年依托县政府网站发布文件信息14条，政务微信发布信息169条。',
    [
      ['website', 14, ['year:2021']],
      ['wechat', 169, ['year:2021']],
    ],
  ],
  ['政府门户网站公开信息1,234条。', [['website', 1234, []]]],
  [
    '政务微博发布信息三十二条，政务新媒体平台发布信息8条。',
    [
      ['weibo', 32, []],
      ['newmedia', 8, []],
    ],
  ],
  ['全年在门户网站上发布各类信息２５条。', [['website', 25, []]]],
  // a sub-scope with its own word before the channel, or a count of another unit, is not the channel's
  ['其中，网站发布10条，新媒体发布23条。', []],
  ['政府网站发布信息3期。', []],
  ['政府网站发布信息的数量较上年有所增加。', []],
];

describe('publishing: channel counts', () => {
  it.each(CHANNEL)('%s', (text, want) => {
    const got = ofKind(text, 'channelCount').map((c) => [c.subject, figures(c)!.count, c.qualifiers]);
    expect(got).toEqual(want);
  });

  it('keeps the count as printed, with its interval when approximate', () => {
    const [c] = ofKind('政府网站发布信息1500余条。', 'channelCount');
    expect(c?.numbers.count).toEqual({ raw: '1500余条', value: 1500, range: [1500, 1600], unit: '条' });
  });
});

const DOCUMENTS: [string, number | undefined][] = [
  [
    '通过门户网站等发布通知公告、扶持意见、优惠政策、人才招聘等各类文件 2 份；通过门户网站公布2017年度“三公”经费。',
    2,
  ],
  ['在政府网站发布规范性文件12件。', 12],
  ['依托网站及时发布政策文件三篇。', 3],
  ['通过门户网站发布政务信息120条。', undefined],
  ['网站发布文件的时效性进一步提高。', undefined],
];

describe('publishing: documents on the portal', () => {
  it.each(DOCUMENTS)('%s', (text, want) => {
    const got = ofKind(text, 'portalDocuments').map((c) => figures(c)!.count);
    expect(got).toEqual(want === undefined ? [] : [want]);
  });
});

const INTERPRETATIONS: [string, number | undefined][] = [
  ['全年开展政策解读 2 次。', 2],
  ['发布政策解读8件，其中图文解读5件。', 8],
  ['2019年，全县共制发政策性文件28个，解读28个，解读率100%。', 28],
  ['对出台的政策文件进行解读三篇。', 3],
  ['图文解读率82.14%。', undefined],
  ['做好政策解读工作。', undefined],
];

describe('publishing: policy interpretations', () => {
  it.each(INTERPRETATIONS)('%s', (text, want) => {
    const got = ofKind(text, 'interpretationCount').map((c) => figures(c)!.count);
    expect(got).toEqual(want === undefined ? [] : [want]);
  });
});
