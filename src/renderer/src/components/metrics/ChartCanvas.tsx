/**
 * One Chart.js chart on a canvas: created when mounted, updated in place when its configuration
 * changes, destroyed when unmounted. The plotted values are also written on the canvas as
 * data-plotted, so a test can check what the chart was given without reading pixels.
 */
import { useEffect, useRef } from 'react';
import type { ChartConfiguration, ChartType } from 'chart.js';
import { Chart } from './chartSetup';

interface ChartCanvasProps<T extends ChartType, D, L> {
  config: ChartConfiguration<T, D, L>;
  /** What the chart shows, in one sentence, for screen readers (the figures beside it say the rest). */
  label: string;
  testId: string;
}

export function ChartCanvas<T extends ChartType, D, L>({ config, label, testId }: ChartCanvasProps<T, D, L>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<T, D, L> | null>(null);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    if (!chart.current) {
      chart.current = new Chart(element, config);
    } else {
      chart.current.data = config.data;
      if (config.options) chart.current.options = config.options;
      chart.current.update('none');
    }
  }, [config]);
  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  const plotted = JSON.stringify(config.data.datasets.map((dataset) => ({ label: dataset.label, data: dataset.data })));
  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} data-plotted={plotted} />
    </div>
  );
}
