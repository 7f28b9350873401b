import { describe, expect, it } from 'vitest';
import {
  binLabel,
  compactNumber,
  histogramOption,
  qualityRadarOption,
  shortLabel,
  topValuesOption,
} from './chart-options';

describe('labels', () => {
  it('shortens large numbers and long category labels', () => {
    expect(compactNumber(1234567)).toBe('1.23M');
    expect(compactNumber(25000)).toBe('25k');
    expect(compactNumber(12.5)).toBe('12.5');
    expect(binLabel({ from: 0, to: 1500000 })).toBe('0–1.5M');
    expect(shortLabel('一二三四五六七八九十一二三四五六')).toBe('一二三四五六七八九十一二三…');
    expect(shortLabel('北京')).toBe('北京');
  });
});

describe('histogramOption', () => {
  it('draws one bar per bin with the bin counts', () => {
    const option = histogramOption(
      [
        { from: 0, to: 10, count: 3 },
        { from: 10, to: 20, count: 7 },
      ],
      '行数',
    );
    expect(option.xAxis).toMatchObject({ data: ['0–10', '10–20'] });
    expect(option.series).toMatchObject([{ type: 'bar', data: [3, 7] }]);
  });
});

describe('topValuesOption', () => {
  it('puts the most frequent value on top and names the empty string', () => {
    const option = topValuesOption(
      [
        { value: '北京', count: 9 },
        { value: '', count: 4 },
      ],
      '次数',
      '（空）',
    );
    // A category axis draws its first entry at the bottom.
    expect(option.yAxis).toMatchObject({ data: ['（空）', '北京'] });
    expect(option.series).toMatchObject([{ data: [4, 9] }]);
  });
});

describe('qualityRadarOption', () => {
  it('has the six dimensions in fixed order, scaled 0–100, a missing one as 0', () => {
    const option = qualityRadarOption(
      [
        { dimension: 'completeness', score: 88.6 },
        { dimension: 'conformity', score: 95 },
      ],
      (d) => d,
      '得分',
    );
    expect(option.radar).toMatchObject({
      indicator: [
        { name: 'conformity', max: 100 },
        { name: 'completeness', max: 100 },
        { name: 'accuracy', max: 100 },
        { name: 'consistency', max: 100 },
        { name: 'timeliness', max: 100 },
        { name: 'accessibility', max: 100 },
      ],
    });
    expect(option.series).toMatchObject([{ type: 'radar', data: [{ value: [95, 89, 0, 0, 0, 0] }] }]);
    const radar = option.radar as { axisName: { formatter: (name: string) => string } };
    expect(radar.axisName.formatter('completeness')).toBe('{name|completeness}\n{score|89}');
  });
});
