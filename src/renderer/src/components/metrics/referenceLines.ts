/**
 * A Chart.js plugin for horizontal reference lines across the whole plot (the mean over the filter),
 * labelled at their right end. Chart.js has no built-in for this; drawing it inside the chart keeps
 * it on the chart's own scale, in the same canvas, through Chart.js's plugin hooks.
 */
import type { ChartType, Plugin } from 'chart.js';

export interface ReferenceLine {
  value: number | null;
  label: string;
  color: string;
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the type parameter must match Chart.js's declaration
  interface PluginOptionsByType<TType extends ChartType> {
    referenceLines?: { lines: ReferenceLine[] };
  }
}

export const referenceLinesPlugin: Plugin = {
  id: 'referenceLines',
  afterDatasetsDraw(chart, _args, options: { lines?: ReferenceLine[] }) {
    const y = chart.scales.y;
    const { ctx, chartArea } = chart;
    if (!y || !options.lines) return;
    for (const line of options.lines) {
      if (line.value === null) continue;
      const at = y.getPixelForValue(line.value);
      if (at < chartArea.top - 1 || at > chartArea.bottom + 1) continue;
      ctx.save();
      ctx.strokeStyle = line.color;
      ctx.fillStyle = line.color;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(chartArea.left, at);
      ctx.lineTo(chartArea.right, at);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = '600 12px system-ui, sans-serif';
      ctx.textAlign = 'right';
      // Above the line, unless that would leave the plot.
      ctx.textBaseline = at - 16 < chartArea.top ? 'top' : 'bottom';
      ctx.fillText(line.label, chartArea.right - 4, ctx.textBaseline === 'top' ? at + 3 : at - 3);
      ctx.restore();
    }
  },
};
