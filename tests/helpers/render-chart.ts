/**
 * @module Renders an ECharts option to SVG on the server (ECharts SSR), as the runtime's export does,
 * so chart tests can look at what a user would see.
 */
import * as echarts from 'echarts';

export function renderSvg(option: Record<string, unknown>, width = 640, height = 400): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The text drawn in an SVG (contents of its `<text>` elements), entities decoded. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}
