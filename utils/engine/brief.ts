import type { DraftSet } from './draftset';
import type { Draft } from '../contract/draft';
import { PLATFORM_LIST, rulesFor } from '../platforms/registry';

/** A Markdown brief for the social team: what, why, when, to whom, and what still needs a human. */
const copyOf = (d: Draft) =>
  rulesFor(d.platform).fields.map((f) => [f.label, (d as unknown as Record<string, string>)[f.key] ?? ''] as const);

const quote = (text: string) =>
  text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');

export function renderBrief(set: DraftSet): string {
  const { release, clock } = set;
  const out: string[] = [
    `# Paid social brief: ${release.headline || release.url}`,
    '',
    `- **Company:** ${release.company ?? 'unknown'}`,
    `- **Release:** ${release.canonicalUrl ?? release.url}`,
    `- **Published:** ${clock.publishedAt ?? 'unknown'}`,
    `- **72-hour deadline:** ${clock.deadline ?? 'unknown'} · **submit ads by:** ${clock.submitBy ?? 'unknown'} (${clock.reviewLeadHours} h review lead)`,
    `- **Status:** ${clock.status}: ${clock.explanation}`,
    `- **Suggested flight:** ${clock.flight.start} → ${clock.flight.end} (${clock.flight.timeZone}), ${clock.flight.currency} ${clock.flight.dailyBudget}/day split over ${clock.flight.variants} variants (${clock.flight.perVariant} each)`,
    '',
  ];
  for (const { id: platform, longLabel } of PLATFORM_LIST) {
    out.push(`## ${longLabel}`, '');
    for (const d of set.drafts.filter((x) => x.platform === platform)) {
      out.push(`### ${d.angle} · CTA ${d.cta}`, '', `_${d.rationale}_`, '');
      for (const [label, text] of copyOf(d)) out.push(`**${label}**`, '', quote(text || '(empty)'), '');
      out.push(`Link: <${d.url}>`, '');
      const hints = set.lint[d.id] ?? [];
      if (hints.length) out.push('Check before sending:', ...hints.map((h) => `- [${h.severity}] ${h.message}`), '');
    }
    out.push('### Audiences', '');
    for (const a of set.audiences.filter((x) => x.platform === platform)) {
      out.push(`- **${a.label}** (${a.beat.label}, ${a.geo.countryName}): ${a.explanation}`);
    }
    out.push('');
  }
  return out.join('\n');
}
