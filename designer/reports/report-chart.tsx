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

/** What ECharts says of a clicked point (category text, series, indexes). */
export interface ChartPointClick {
  name?: string;
  seriesName?: string;
  dataIndex?: number;
  seriesIndex?: number;
}

export interface ReportChartProps {
  option: ChartOption;
  label: string;
  onChart?(chart: ChartHandle | null): void;
  /** Called when a point (bar, line symbol, slice) is clicked. */
  onPoint?(click: ChartPointClick): void;
}

export function ReportChart({ option, label, onChart, onPoint }: ReportChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<import('echarts').ECharts | null>(null);
  const optionRef = useRef(option);
  optionRef.current = option;
  // The latest handler, read at click time: the chart is bound once, on mount.
  const onPointRef = useRef(onPoint);
  onPointRef.current = onPoint;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('echarts').then((echarts) => {
      if (disposed || !ref.current) return;
      const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
      chartRef.current = chart;
      chart.setOption(optionRef.current, true);
      chart.on('click', (params) => {
        const p = params as ChartPointClick;
        onPointRef.current?.({
          ...(p.name !== undefined ? { name: p.name } : {}),
          ...(p.seriesName !== undefined ? { seriesName: p.seriesName } : {}),
          ...(p.dataIndex !== undefined ? { dataIndex: p.dataIndex } : {}),
          ...(p.seriesIndex !== undefined ? { seriesIndex: p.seriesIndex } : {}),
        });
      });
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
