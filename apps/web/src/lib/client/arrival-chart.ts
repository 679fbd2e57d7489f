import {
  CategoryScale,
  Chart,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { ArrivalSeries } from './client-view-format.ts';

// Only what a filled line needs: keeps chart.js's share of the client bundle small.
Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Tooltip);

export interface ArrivalChartParams {
  series: ArrivalSeries;
  /** Tick labels, one per point: clock times in the event's timezone. */
  labels: string[];
  /** Name of the line in the tooltip ("Arrived"). */
  seriesLabel: string;
}

/**
 * Svelte action drawing the arrival curve on a `<canvas>` with chart.js. Colours and the font
 * size come from the design tokens and the canvas's own font size, so the chart follows light
 * and dark and scales up with the rest of the client screen on a TV.
 * Usage: `<canvas use:arrivalChart={{ series, labels, seriesLabel }}></canvas>`.
 */
export function arrivalChart(canvas: HTMLCanvasElement, params: ArrivalChartParams) {
  const chart = new Chart(canvas, buildConfig(canvas, params));
  const scheme = window.matchMedia('(prefers-color-scheme: dark)');
  // The tokens change with the colour scheme; re-read them rather than keep two palettes here.
  const restyle = () => {
    chart.options = buildConfig(canvas, params).options ?? {};
    styleDataset(chart, canvas);
    chart.update('none');
  };
  scheme.addEventListener('change', restyle);

  return {
    update(next: ArrivalChartParams) {
      params = next;
      chart.data.labels = next.labels;
      const dataset = chart.data.datasets[0];
      if (dataset) {
        dataset.data = next.series.arrived;
        dataset.label = next.seriesLabel;
      }
      const y = chart.options.scales?.['y'];
      if (y) y.max = next.series.yMax;
      chart.update('none');
    },
    destroy() {
      scheme.removeEventListener('change', restyle);
      chart.destroy();
    },
  };
}

function buildConfig(canvas: HTMLCanvasElement, params: ArrivalChartParams): ChartConfiguration<'line'> {
  const tokens = readTokens(canvas);
  const fontSize = Math.round(parseFloat(getComputedStyle(canvas).fontSize) * 0.75) || 12;
  return {
    type: 'line',
    data: {
      labels: params.labels,
      datasets: [
        {
          label: params.seriesLabel,
          data: params.series.arrived,
          borderColor: tokens.line,
          backgroundColor: withAlpha(tokens.line, 0.22),
          fill: 'origin',
          tension: 0.25,
          borderWidth: 3,
          pointRadius: 0,
          pointHitRadius: 12,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      // A TV redraws on every check-in; motion there is noise, and it respects reduced motion.
      animation: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { display: false }, tooltip: { enabled: true } },
      scales: {
        x: {
          ticks: { color: tokens.muted, font: { size: fontSize }, maxTicksLimit: 6, maxRotation: 0 },
          grid: { display: false },
          border: { color: tokens.grid },
        },
        y: {
          min: 0,
          max: params.series.yMax,
          ticks: { color: tokens.muted, font: { size: fontSize }, maxTicksLimit: 5, precision: 0 },
          grid: { color: tokens.grid },
          border: { display: false },
        },
      },
    },
  };
}

function styleDataset(chart: Chart<'line'>, canvas: HTMLCanvasElement): void {
  const tokens = readTokens(canvas);
  const dataset = chart.data.datasets[0];
  if (!dataset) return;
  dataset.borderColor = tokens.line;
  dataset.backgroundColor = withAlpha(tokens.line, 0.22);
}

function readTokens(element: Element) {
  const style = getComputedStyle(element);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    line: token('--ok', '#16a34a'),
    muted: token('--muted', '#56606b'),
    grid: token('--line', '#d6dbe1'),
  };
}

/** `#rrggbb` plus an alpha as `rgb(r g b / a)`; anything else is returned unchanged. */
export function withAlpha(color: string, alpha: number): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!match) return color;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16));
  return `rgb(${r} ${g} ${b} / ${alpha})`;
}
