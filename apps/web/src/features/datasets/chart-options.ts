/**
 * ECharts options for the profile and quality tabs, built from the version's profile and quality
 * report. Pure data in, option out, so tests check what the charts show without a canvas.
 */
import { QUALITY_DIMENSIONS, type HistogramBin, type QualityDimension } from '@shuliu/core';
import type { BarSeriesOption, RadarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, RadarComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/** The option shape our charts use (the modules registered in echart.tsx). */
export type ChartOption = ComposeOption<
  BarSeriesOption | RadarSeriesOption | GridComponentOption | TooltipComponentOption | RadarComponentOption
>;

/** The brand blue of bars and the radar area (theme.ts). */
const BLUE = '#1f4e9c';
const LIGHT_BLUE = '#5b8bd6';
const AXIS_TEXT = '#5c6b82';
/** Longest category label before it is cut with an ellipsis. */
const MAX_LABEL = 14;

/** A bin's label: `from–to` with numbers shortened (1234567 → 1.23M). */
export function binLabel(bin: Pick<HistogramBin, 'from' | 'to'>): string {
  return `${compactNumber(bin.from)}–${compactNumber(bin.to)}`;
}

/** A number in at most four significant digits with k/M/B suffixes. */
export function compactNumber(value: number): string {
  const abs = Math.abs(value);
  const tidy = (n: number) => String(Number(n.toPrecision(3)));
  if (abs >= 1e9) return `${tidy(value / 1e9)}B`;
  if (abs >= 1e6) return `${tidy(value / 1e6)}M`;
  if (abs >= 1e4) return `${tidy(value / 1e3)}k`;
  return String(Number(value.toPrecision(4)));
}

/** Cuts a category label so the axis stays readable; the tooltip shows it in full. */
export function shortLabel(text: string): string {
  const chars = Array.from(text);
  return chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join('')}…` : text;
}

/** A vertical bar chart of a numeric column's histogram. */
export function histogramOption(bins: readonly HistogramBin[], seriesName: string): ChartOption {
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: bins.map(binLabel),
      axisLabel: { color: AXIS_TEXT, fontSize: 10, hideOverlap: true },
    },
    yAxis: { type: 'value', axisLabel: { color: AXIS_TEXT, fontSize: 10 }, minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: bins.map((b) => b.count),
        barCategoryGap: '8%',
        itemStyle: { color: BLUE },
      },
    ],
  };
}

/** A horizontal bar chart of the most frequent values, the most frequent on top. */
export function topValuesOption(
  topValues: readonly { value: string; count: number }[],
  seriesName: string,
  emptyLabel: string,
): ChartOption {
  const top = topValues.slice(0, 10).reverse();
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', axisLabel: { color: AXIS_TEXT, fontSize: 10 }, minInterval: 1 },
    yAxis: {
      type: 'category',
      data: top.map((v) => shortLabel(v.value === '' ? emptyLabel : v.value)),
      axisLabel: { color: AXIS_TEXT, fontSize: 11 },
    },
    series: [
      { type: 'bar', name: seriesName, data: top.map((v) => v.count), itemStyle: { color: LIGHT_BLUE } },
    ],
  };
}

/** A horizontal bar chart of pattern shares, in percent. */
export function patternOption(
  patterns: readonly { label: string; share: number }[],
  seriesName: string,
): ChartOption {
  const sorted = [...patterns].sort((a, b) => a.share - b.share);
  return {
    animation: false,
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${String(v)}%` },
    xAxis: { type: 'value', max: 100, axisLabel: { color: AXIS_TEXT, fontSize: 10, formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      data: sorted.map((p) => p.label),
      axisLabel: { color: AXIS_TEXT, fontSize: 11 },
    },
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: sorted.map((p) => Math.round(p.share * 1000) / 10),
        itemStyle: { color: '#7a9cc6' },
        label: { show: true, position: 'right', formatter: '{c}%', fontSize: 10, color: AXIS_TEXT },
      },
    ],
  };
}

/**
 * The quality radar: the six dimensions in their fixed order (a missing one counts 0), scale 0–100.
 */
export function qualityRadarOption(
  dimensions: readonly { dimension: QualityDimension; score: number }[],
  labelOf: (dimension: QualityDimension) => string,
  seriesName: string,
): ChartOption {
  const score = new Map(dimensions.map((d) => [d.dimension, Math.round(d.score)]));
  const scoreByName = new Map(QUALITY_DIMENSIONS.map((d) => [labelOf(d), score.get(d) ?? 0]));
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    radar: {
      indicator: QUALITY_DIMENSIONS.map((dimension) => ({ name: labelOf(dimension), max: 100 })),
      radius: '62%',
      splitNumber: 4,
      // The score sits under the dimension's name, clear of the polygon's corners.
      axisName: {
        formatter: (name?: string) => `{name|${name ?? ''}}\n{score|${scoreByName.get(name ?? '') ?? 0}}`,
        rich: {
          name: { color: '#1f2d3d', fontSize: 13, lineHeight: 18, align: 'center' },
          score: { color: BLUE, fontSize: 13, fontWeight: 'bold', lineHeight: 18, align: 'center' },
        },
      },
      axisNameGap: 10,
      splitArea: { areaStyle: { color: ['#f7f9fc', '#eef3fb'] } },
    },
    series: [
      {
        type: 'radar',
        name: seriesName,
        data: [
          {
            name: seriesName,
            value: QUALITY_DIMENSIONS.map((dimension) => score.get(dimension) ?? 0),
            areaStyle: { color: 'rgba(31, 78, 156, 0.25)' },
            lineStyle: { color: BLUE, width: 2 },
            itemStyle: { color: BLUE },
          },
        ],
      },
    ],
  };
}
