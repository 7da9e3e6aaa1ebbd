import type { Release } from '@/utils/contract/release';
import { emptyRelease } from '@/utils/release/empty';

/** A plausible release, overridable field by field: tests state only what they are about. */
export function aRelease(over: Partial<Release> = {}): Release {
  return {
    ...emptyRelease('https://www.prnewswire.com/news-releases/acme-opens-lab-301000001.html'),
    isRelease: true,
    confidence: 0.9,
    wire: 'prnewswire',
    headline: 'Acme Robotics Opens Research Lab in Boston to Speed Up Warehouse Automation',
    subheadline: 'The lab will employ 120 engineers by 2027',
    publishedAt: '2026-11-20T09:00:00-05:00',
    company: 'Acme Robotics',
    body: [
      'BOSTON, Nov. 20, 2026 /PRNewswire/ -- Acme Robotics today opened a research lab in Boston that will cut warehouse picking errors by 40% within two years. The lab is its first outside California.',
      '"Warehouses lose billions to picking errors every year, and this lab exists to end that," said Jane Doe, chief executive officer of Acme Robotics.',
      'The company expects the lab to employ 120 engineers by 2027.',
      'About Acme Robotics',
      'Acme Robotics builds warehouse robots. Learn more at www.acmerobotics.com.',
    ],
    ...over,
  };
}

export const NOW = Date.parse('2026-11-21T12:00:00Z');
