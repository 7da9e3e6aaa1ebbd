/**
 * What the fakes' ads "delivered": figures per object and day that the reporting endpoints answer from
 * (Meta /insights, LinkedIn /adAnalytics). Tests set exact figures; the benchmark fills 30 days with
 * synthetic ones. Pure data, no platform shapes here.
 */
export interface DayFigures {
  impressions: number;
  clicks: number;
  /** Meta inline_link_clicks / LinkedIn landingPageClicks. */
  linkClicks: number;
  /** Major units of the account currency. */
  spend: number;
  /** Unique people that day (Meta reach). */
  reach: number;
}

export const ZERO: DayFigures = { impressions: 0, clicks: 0, linkClicks: 0, spend: 0, reach: 0 };

export function addFigures(a: DayFigures, b: DayFigures): DayFigures {
  return {
    impressions: a.impressions + b.impressions,
    clicks: a.clicks + b.clicks,
    linkClicks: a.linkClicks + b.linkClicks,
    spend: Math.round((a.spend + b.spend) * 1e6) / 1e6,
    reach: a.reach + b.reach,
  };
}

/** A small deterministic hash → [0, 1): synthetic numbers and the fakes' "approximation" noise. */
export function unit(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100_000) / 100_000;
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export class Delivery {
  private readonly byObject = new Map<string, Map<string, DayFigures>>();

  set(objectId: string, date: string, f: Partial<DayFigures>): void {
    const days = this.byObject.get(objectId) ?? new Map<string, DayFigures>();
    days.set(date, { ...ZERO, ...f });
    this.byObject.set(objectId, days);
  }

  /** `days` days of plausible figures from `from`, the same for the same object id every time. */
  synthetic(objectId: string, from: string, days: number): void {
    for (let i = 0; i < days; i++) {
      const date = addDays(from, i);
      const r = unit(`${objectId}:${date}`);
      const impressions = 800 + Math.floor(r * 4_000);
      const clicks = Math.floor(impressions * (0.004 + r * 0.02));
      this.set(objectId, date, {
        impressions,
        clicks,
        linkClicks: Math.floor(clicks * 0.8),
        spend: Math.round(impressions * (0.006 + r * 0.01) * 100) / 100,
        reach: Math.floor(impressions * 0.82),
      });
    }
  }

  /** Days with figures between since and until (inclusive), oldest first. */
  rows(objectId: string, since: string, until: string): [string, DayFigures][] {
    const days = this.byObject.get(objectId);
    if (!days) return [];
    return [...days.entries()].filter(([d]) => d >= since && d <= until).sort(([a], [b]) => a.localeCompare(b));
  }

  has(objectId: string): boolean {
    return this.byObject.has(objectId);
  }
}
