/**
 * A small React wrapper around ECharts (modular imports, canvas renderer, so it draws in headless
 * Chromium too): creates the chart on mount, applies the option when it changes, follows the
 * container's size, and disposes on unmount.
 */
import { BarChart, RadarChart } from 'echarts/charts';
import { GridComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartOption } from './chart-options';

use([BarChart, RadarChart, GridComponent, RadarComponent, TooltipComponent, CanvasRenderer]);

/** A chart of `height` pixels filling its container's width. */
export function EChart({
  option,
  height = 220,
  ariaLabel,
  testId,
}: {
  option: ChartOption;
  height?: number;
  ariaLabel?: string;
  testId?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={container}
      style={{ width: '100%', height }}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      className="dataset-chart"
    />
  );
}
