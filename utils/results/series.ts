import type { PlatformResult } from '../contract/results';

/** A platform's days across its variants, oldest first: the chart's series. */
export function dailyTotals(p: PlatformResult): { date: string; impressions: number; clicks: number; spend: number }[] {
  const byDay = new Map<string, { date: string; impressions: number; clicks: number; spend: number }>();
  for (const v of p.variants)
    for (const d of v.daily) {
      const cur = byDay.get(d.date) ?? { date: d.date, impressions: 0, clicks: 0, spend: 0 };
      byDay.set(d.date, {
        date: d.date,
        impressions: cur.impressions + d.impressions,
        clicks: cur.clicks + d.clicks,
        spend: cur.spend + d.spend,
      });
    }
  return [...byDay.values()].sort((a, b) => a.date.localeCompare(b.date));
}
