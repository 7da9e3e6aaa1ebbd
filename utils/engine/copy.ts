import type { Angle, MessagingKit, Platform } from '../contract/draft';
import type { Asset } from '../contract/release';
import { PLATFORMS, rulesFor } from '../platforms/registry';
import { campaignFor } from '../platforms/campaign-registry';
import { countChars } from '../platforms/count';
import { FIGURE_RE, SENIOR_RE, type ReleaseFacts } from './facts';
import { clausePrefix, clean, shortenHeadline, tone, truncate } from './text';

/** One variant's copy before it becomes a Draft: field values keyed by the platform's field keys. */
export interface CopyVariant {
  platform: Platform;
  angle: Exclude<Angle, 'custom'>;
  fields: Record<string, string>;
  cta: string;
  rationale: string;
  /** The asset promoted (insight angle), which becomes the destination. */
  asset: Asset | null;
}

const ASSET_NOUN: Record<Asset['kind'], string> = {
  whitepaper: 'white paper',
  report: 'report',
  datasheet: 'data sheet',
  webinar: 'webinar',
  pdf: 'document',
  other: 'resource',
};

/** Body copy may run past the recommended length (the rest folds behind "See more"), within reason. */
const BODY_STRETCH = 2;

function fit(platform: Platform, key: string, text: string, stretch = 1): string {
  const rule = rulesFor(platform).fields.find((f) => f.key === key)!;
  const target = Math.min(rule.max.value, Math.round(rule.recommended.value * stretch));
  const toned = tone(text);
  if (countChars(toned, rule.counting) <= target) return toned;
  const cut = truncate(toned, target);
  // Belt and braces: the counting rule (URLs) may differ from graphemes; never exceed the hard max.
  return countChars(cut, rule.counting) <= rule.max.value ? cut : truncate(toned, Math.floor(rule.max.value / 2));
}

function fitHeadline(platform: Platform, text: string, keep: string | null): string {
  const rule = rulesFor(platform).fields.find((f) => f.key === 'headline')!;
  return fit(platform, 'headline', shortenHeadline(tone(text), rule.recommended.value, keep));
}

/** The first candidate that fits the field's recommended length uncut; descriptions must read whole. */
function pickShort(
  platform: Platform,
  key: string,
  candidates: (string | null | undefined)[],
  fallbacks: string[],
): string {
  const rule = rulesFor(platform).fields.find((f) => f.key === key)!;
  const all = [...candidates, ...fallbacks].map((c) => (c ? tone(c) : ''));
  const hit = all.find((c) => c && countChars(c, rule.counting) <= rule.recommended.value);
  return fit(platform, key, hit ?? fallbacks[fallbacks.length - 1] ?? '');
}

/** Short, factual description fallbacks, longest first: the first that fits is used. */
const describe = (company: string | null, ...phrases: string[]) => [
  ...phrases.flatMap((p) => (company ? [`${p} ${company}`] : [])),
  ...(company ? [`${company} news`, company] : []),
  'Full announcement',
];

const bodyKey = (p: Platform) => PLATFORMS[p].bodyField;

/** Join sentences while they stay within the body target: one idea per ad, plus a figure when it fits. */
function compose(platform: Platform, parts: (string | null | undefined)[]): string {
  const rule = rulesFor(platform).fields.find((f) => f.key === bodyKey(platform))!;
  const target = rule.recommended.value * BODY_STRETCH;
  // Decks and subheadlines carry no full stop; in body copy every part ends as a sentence.
  const list = parts
    .map((p) => (p ? clean(p) : ''))
    .filter(Boolean)
    .map((p) => (/[.!?…"”’)]$/.test(p) ? p : `${p}.`));
  let text = list[0] ?? '';
  for (const next of list.slice(1)) {
    if (text.includes(next)) continue;
    const joined = `${text} ${next}`;
    if (countChars(joined, rule.counting) <= target) text = joined;
  }
  return text;
}

function keyNoun(f: ReleaseFacts): string | null {
  if (f.company && f.headline.toLowerCase().includes(f.company.toLowerCase())) return f.company;
  // No company in the headline: its first capitalised word is usually the subject.
  return /\b[A-Z][\w&.-]+/.exec(f.headline)?.[0] ?? f.company;
}

function newsVariant(platform: Platform, f: ReleaseFacts, kit: MessagingKit): CopyVariant {
  const campaign = campaignFor(platform);
  const figure = f.figures.find((s) => s !== f.lead);
  const body = compose(platform, [f.lead ?? f.subheadline ?? f.headline, figure]);
  const withFigure = Boolean(figure && body.includes(clean(figure)));
  const rec = rulesFor(platform).fields.find((x) => x.key === 'description')!.recommended.value;
  // A subheadline cut at a clause still reads as a deck; a figure sentence cut short does not.
  const deck = f.subheadline ? clausePrefix(tone(f.subheadline), rec) : null;
  const desc = pickShort(
    platform,
    'description',
    [deck, figure, ...kit.keyMessages],
    describe(f.company, 'Read the full announcement from', 'Announcement from'),
  );
  return {
    platform,
    angle: 'news',
    asset: null,
    cta: campaign.ctaForAngle.news,
    fields: {
      [bodyKey(platform)]: fit(platform, bodyKey(platform), body, BODY_STRETCH),
      headline: fitHeadline(platform, f.headline, keyNoun(f)),
      description: desc,
    },
    rationale: `Straight news: the headline cut at a clause boundary and the lead without its dateline${withFigure ? ", plus the release's own figure" : ''}.`,
  };
}

/** Why this quote won, in the terms quoteScore uses. */
function quoteWhy(q: { speaker: string | null; text: string }): string {
  const reasons = [
    q.speaker && SENIOR_RE.test(q.speaker) ? 'a senior speaker' : null,
    FIGURE_RE.test(q.text) ? 'a concrete figure' : null,
  ].filter(Boolean);
  return reasons.length ? ` (${reasons.join(' and ')})` : '';
}

function quoteVariant(platform: Platform, f: ReleaseFacts): CopyVariant {
  const rules = rulesFor(platform);
  const campaign = campaignFor(platform);
  const q = f.quotes[0];
  if (!q) {
    const fallback = f.story[1] ?? f.subheadline ?? f.lead ?? f.headline;
    return {
      platform,
      angle: 'quote',
      asset: null,
      cta: campaign.ctaForAngle.quote,
      fields: {
        [bodyKey(platform)]: fit(platform, bodyKey(platform), fallback, BODY_STRETCH),
        headline: fitHeadline(platform, f.headline, keyNoun(f)),
        description: pickShort(platform, 'description', [], describe(f.company, 'More from')),
      },
      rationale:
        'No attributed quote found in the release: used its second point instead. Add a spokesperson quote to make this a quote ad.',
    };
  }
  const speakerName = q.speaker?.split(',')[0]?.trim() ?? null;
  const quoteText = compose(platform, [`“${q.text.replace(/^["“]|["”]$/g, '')}”`]);
  const body = speakerName ? `${quoteText} — ${q.speaker}` : quoteText;
  const rule = rules.fields.find((x) => x.key === bodyKey(platform))!;
  // A long quote keeps its first sentence so the attribution survives the cut.
  const short =
    countChars(body, rule.counting) > rule.recommended.value * BODY_STRETCH
      ? `“${truncate(q.text.split(/(?<=[.!?])\s/)[0] ?? q.text, rule.recommended.value * BODY_STRETCH - 40)}”${speakerName ? ` — ${q.speaker}` : ''}`
      : body;
  return {
    platform,
    angle: 'quote',
    asset: null,
    cta: campaign.ctaForAngle.quote,
    fields: {
      [bodyKey(platform)]: fit(platform, bodyKey(platform), short, BODY_STRETCH),
      headline: fitHeadline(platform, f.headline, keyNoun(f)),
      description: pickShort(
        platform,
        'description',
        speakerName ? [`${speakerName} on the news`, speakerName] : [],
        describe(f.company, 'Comment from'),
      ),
    },
    rationale: `Quote: the strongest line in the release${speakerName ? `, from ${speakerName}` : ''}${quoteWhy(q)}.`,
  };
}

/** When only the lead has a number, the clause that carries it, so insight doesn't repeat the news ad. */
function figureClause(f: ReleaseFacts): string | null {
  const lead = f.lead && f.figures.includes(f.lead) ? f.lead : null;
  if (!lead) return null;
  const clause = lead.split(/,\s+|;\s+/).find((c) => FIGURE_RE.test(c));
  if (!clause) return null;
  const text = clause.replace(/^(?:and|which|with|representing)\s+/i, '').replace(/[.]$/, '');
  return `${f.company ? `${f.company}: ` : ''}${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function insightVariant(platform: Platform, f: ReleaseFacts, kit: MessagingKit): CopyVariant {
  const rules = rulesFor(platform);
  const campaign = campaignFor(platform);
  const kitAsset: Asset | null = kit.assetUrl
    ? { url: kit.assetUrl, label: kit.assetLabel || 'our latest report', kind: 'report' }
    : null;
  const asset = f.asset ?? kitAsset;
  const figure =
    f.figures.find((s) => s !== f.lead) ?? figureClause(f) ?? f.story.find((s) => s !== f.lead) ?? f.lead ?? f.headline;
  if (asset) {
    const noun = ASSET_NOUN[asset.kind];
    const label = clean(asset.label) || `the ${noun}`;
    const verb = asset.kind === 'webinar' ? 'Register for' : 'Download';
    return {
      platform,
      angle: 'insight',
      asset,
      cta:
        asset.kind === 'webinar' && rules.ctas.some((c) => c.value === 'REGISTER')
          ? 'REGISTER'
          : campaign.ctaForAngle.insight,
      fields: {
        [bodyKey(platform)]: fit(
          platform,
          bodyKey(platform),
          compose(platform, [figure, `${verb} the ${noun} for the full data.`]),
          BODY_STRETCH,
        ),
        headline: fit(platform, 'headline', `${verb}: ${label}`),
        description: pickShort(platform, 'description', f.company ? [`${f.company} ${noun}`] : [], [
          `Free ${noun}`,
          `${noun.charAt(0).toUpperCase()}${noun.slice(1)}`,
        ]),
      },
      rationale: `Strategic insight: leads with the release's figure and offers the ${noun} (${f.asset ? 'from the release' : 'from the team kit'}) behind a download button.`,
    };
  }
  return {
    platform,
    angle: 'insight',
    asset: null,
    cta: campaign.ctaForAngle.insightWithoutAsset,
    fields: {
      [bodyKey(platform)]: fit(platform, bodyKey(platform), compose(platform, [figure]), BODY_STRETCH),
      headline: fitHeadline(platform, f.headline, keyNoun(f)),
      description: pickShort(
        platform,
        'description',
        [],
        describe(f.company, 'The numbers behind the news from', 'Context from'),
      ),
    },
    rationale:
      "Insight without an asset: leads with the release's data point. Add a report, white paper or webinar link (release or team kit) to turn this into a download ad.",
  };
}

export function generateCopy(platform: Platform, facts: ReleaseFacts, kit: MessagingKit): CopyVariant[] {
  return [newsVariant(platform, facts, kit), quoteVariant(platform, facts), insightVariant(platform, facts, kit)];
}
