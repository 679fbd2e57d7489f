import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface BarSeries {
  label: string;
  values: number[];
  /** A design token (`--ok`) or a colour. */
  color: string;
}

export interface BarChartParams {
  labels: string[];
  series: BarSeries[];
  /** Draw bars sideways: long labels (sections) read better down the side. */
  horizontal?: boolean;
}

/**
 * Svelte action drawing grouped bars with chart.js on a `<canvas>`:
 * `<canvas use:barChart={{ labels, series }}></canvas>`. No animation, so a printed page and a
 * screenshot show the final bars.
 */
export function barChart(canvas: HTMLCanvasElement, params: BarChartParams) {
  let chart = draw(canvas, params);
  return {
    update(next: BarChartParams) {
      chart.destroy();
      chart = draw(canvas, next);
    },
    destroy() {
      chart.destroy();
    },
  };
}

function draw(canvas: HTMLCanvasElement, params: BarChartParams): Chart<'bar'> {
  const style = getComputedStyle(canvas);
  const token = (value: string) =>
    value.startsWith('--') ? style.getPropertyValue(value).trim() || '#2563eb' : value;
  const muted = style.getPropertyValue('--muted').trim() || '#56606b';
  const grid = style.getPropertyValue('--line').trim() || '#d6dbe1';
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: params.labels,
      datasets: params.series.map((series) => ({
        label: series.label,
        data: series.values,
        backgroundColor: token(series.color),
        borderRadius: 3,
      })),
    },
    options: {
      indexAxis: params.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { labels: { color: muted } }, tooltip: { enabled: true } },
      scales: {
        x: { ticks: { color: muted, precision: 0 }, grid: { color: grid }, beginAtZero: true },
        y: { ticks: { color: muted, precision: 0 }, grid: { color: grid }, beginAtZero: true },
      },
    },
  });
}
