/**
 * @module The live chart: the ECharts option the server built for the rows it computed in SQL, drawn
 * on a canvas. ECharts is loaded with a dynamic `import('echarts')` here only, so the app's first
 * JavaScript stays small. The option given to ECharts is also on the element as `data-option`, so
 * what is drawn can be compared with the table of rows. `onChart` hands out the instance for PNG export.
 */
import { useEffect, useRef } from 'react';
import type { ChartOption } from '../../engine';

export interface ChartHandle {
  getDataURL(opts: { type: 'png'; pixelRatio?: number; backgroundColor?: string }): string;
}

interface ReportChartProps {
  option: ChartOption;
  label: string;
  onChart?(chart: ChartHandle | null): void;
}

export function ReportChart({ option, label, onChart }: ReportChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<import('echarts').ECharts | null>(null);
  const optionRef = useRef(option);
  optionRef.current = option;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('echarts').then((echarts) => {
      if (disposed || !ref.current) return;
      const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
      chartRef.current = chart;
      chart.setOption(optionRef.current, true);
      ref.current.dataset.drawn = 'true';
      observer = new ResizeObserver(() => chart.resize());
      observer.observe(ref.current);
      onChart?.(chart);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
      onChart?.(null);
    };
    // The instance lives as long as the element (mounted once); options change below.
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, true);
  }, [option]);

  return (
    <div
      ref={ref}
      className="report-chart"
      role="img"
      aria-label={label}
      data-option={JSON.stringify(option)}
    />
  );
}
