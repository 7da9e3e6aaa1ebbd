import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { PlatformResult } from '@/utils/contract/results';
import { dailyTotals } from '@/utils/results/series';

/**
 * Daily impressions (bars) and clicks (line, own axis) for one platform, drawn with uPlot. This module is
 * only ever imported lazily (ReleaseResults), so the chart library sits in its own chunk, never in the
 * popup's or the workspace's first load.
 */
const fromZero = (_u: uPlot, _min: number | null, max: number | null): uPlot.Range.MinMax => [
  0,
  max && max > 0 ? max * 1.1 : 1,
];

export function DailyChart({ platform }: { platform: PlatformResult }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const days = dailyTotals(platform);
    if (!el.current || !days.length) return;
    const xs = days.map((d) => Date.parse(`${d.date}T12:00:00Z`) / 1000);
    const width = Math.max(320, el.current.clientWidth || 640);
    const plot = new uPlot(
      {
        width,
        height: 200,
        // Bars and the line start at zero: uPlot's automatic range would cut the bars off near the smallest day.
        scales: {
          // Half a day either side, so the first and last bars are drawn whole.
          x: { time: true, range: (_u, min, max) => [min - 43_200, max + 43_200] },
          y: { range: fromZero },
          clicks: { range: fromZero },
        },
        series: [
          {},
          {
            label: 'Impressions',
            stroke: '#1877f2',
            fill: 'rgba(24,119,242,0.35)',
            paths: uPlot.paths.bars!({ size: [0.6, 40] }),
            points: { show: false },
          },
          { label: 'Clicks', scale: 'clicks', stroke: '#e67e22', width: 2 },
        ],
        axes: [{}, { label: 'Impressions' }, { scale: 'clicks', side: 1, grid: { show: false }, label: 'Clicks' }],
        legend: { show: true },
      },
      [xs, days.map((d) => d.impressions), days.map((d) => d.clicks)],
      el.current,
    );
    return () => plot.destroy();
  }, [platform]);
  return <div className="results-chart" ref={el} data-testid={`results-chart-${platform.platform}`} />;
}

export default DailyChart;
