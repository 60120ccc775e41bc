/**
 * Chart.js, registered piece by piece (only what the metrics view draws, so the rest is tree-shaken),
 * with the app's font and colours. Canvas only: Chart.js styles its canvas through the CSSOM, which
 * the strict CSP (style-src 'self') allows.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import { referenceLinesPlugin } from './referenceLines';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  LogarithmicScale,
  Legend,
  Tooltip,
  referenceLinesPlugin,
);

Chart.defaults.font.family =
  "system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, Cantarell, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
Chart.defaults.font.size = 12;
Chart.defaults.color = '#334050';
Chart.defaults.borderColor = '#dde2e9';
// Figures are also printed as text; the plots need not animate into place.
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.plugins.legend.labels.boxWidth = 12;
Chart.defaults.plugins.legend.labels.boxHeight = 12;

export { Chart };

/** The palette, matched to the app's tokens (styles/base.css). */
export const COLORS = {
  p50: '#0b4fc4',
  p95: '#93b2ea',
  target: '#b00020',
  accuracy: '#0a6630',
  repeats: '#a05a00',
  csat: '#5b3fa8',
  mean: '#55606e',
} as const;

export const DISPOSITION_COLORS: Record<string, string> = {
  resolved: '#0a6630',
  handed_back: '#0b4fc4',
  follow_up: '#dda200',
  transferred: '#5b3fa8',
  unresolved: '#b00020',
  declined: '#8691a0',
  missed: '#c9d0da',
  interrupted: '#7a4b00',
};
