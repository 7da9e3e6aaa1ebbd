import type { Angle, MessagingKit, Platform } from '../contract/draft';
import type { Asset } from '../contract/release';
import { PLATFORMS, rulesFor } from '../platforms/registry';
import { campaignFor } from '../platforms/campaign-registry';
import { countChars } from '../platforms/count';
import { FIGURE_RE, SENIOR_RE, type ReleaseFacts } from './facts';
import { figureClause as clauseWithFigure } from './material';
import { describeShort, shortForm, type ShortForm } from './shorten';
import { clean, tone, truncate } from './text';

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

const ruleOf = (platform: Platform, key: string) => rulesFor(platform).fields.find((f) => f.key === key)!;

/**
 * Body copy: whole sentences up to the stretched recommendation; a longer single sentence stays whole up to
 * the platform's maximum (the feed folds it behind "See more"). Only past the maximum is it cut.
 */
function fit(platform: Platform, key: string, text: string, stretch = 1): string {
  const rule = ruleOf(platform, key);
  const toned = tone(text);
  if (countChars(toned, rule.counting) <= rule.max.value) return toned;
  const cut = truncate(toned, Math.min(rule.max.value, Math.round(rule.recommended.value * stretch)));
  // Belt and braces: the counting rule (URLs) may differ from graphemes; never exceed the hard max.
  return countChars(cut, rule.counting) <= rule.max.value ? cut : truncate(toned, Math.floor(rule.max.value / 2));
}

/** The headline's honest short form for this platform (whole, rewritten, or cut at a phrase boundary). */
function fitHeadline(platform: Platform, text: string, keep: string | null): ShortForm {
  const rule = ruleOf(platform, 'headline');
  const short = shortForm(tone(text), rule.recommended.value, keep);
  return { ...short, text: fit(platform, 'headline', short.text) };
}

/**
 * A description that carries information: the first candidate whose honest short form fits the
 * recommendation, else twice or four times it, else whole within the maximum; the fallbacks (filler only when
 * the release gives nothing better).
 */
function pickShort(
  platform: Platform,
  key: string,
  candidates: (string | null | undefined)[],
  fallbacks: string[],
): string {
  const rule = ruleOf(platform, key);
  const real = [...new Set(candidates.map((c) => (c ? tone(c).replace(/[.]$/, '') : '')).filter(Boolean))];
  for (const stretch of [1, 2, 4, Infinity]) {
    const target = Math.min(rule.max.value, rule.recommended.value * stretch);
    // A fact's short form keeps its number: "The global market" is not the fact "$77.5 billion market".
    const hit = real
      .map((c) => shortForm(c, target, null, 0.5, (s) => !FIGURE_RE.test(c) || FIGURE_RE.test(s)))
      .find((f) => f.how.kind !== 'long');
    if (hit) return fit(platform, key, hit.text);
  }
  const all = fallbacks.map(tone);
  const hit = all.find((c) => c && countChars(c, rule.counting) <= rule.recommended.value);
  return fit(platform, key, hit ?? all[all.length - 1] ?? '');
}

/** Short, factual description fallbacks, longest first: the first that fits is used. */
const describe = (company: string | null, ...phrases: string[]) => [
  ...phrases.flatMap((p) => (company ? [`${p} ${company}`] : [])),
  ...(company ? [`${company} news`, company] : []),
  'Full announcement',
];

/** What a description can say, strongest first: the event's date and place, the deck, the top figure. */
function informative(f: ReleaseFacts, extra: (string | null | undefined)[] = []): (string | null | undefined)[] {
  const figs = f.figures.slice(0, 3).flatMap((s) => [clauseWithFigure(s, FIGURE_RE), s]);
  return [f.event, f.subheadline, ...figs, ...extra];
}

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

/** The rationale's closing words: what the headline is and where the picture came from. */
const tail = (f: ReleaseFacts, h: ShortForm, platform: Platform) =>
  ` Headline: ${describeShort(h.how, ruleOf(platform, 'headline').recommended.value)}. ${f.image?.note ?? 'No image in the release: add one.'}`;

function newsVariant(platform: Platform, f: ReleaseFacts, kit: MessagingKit): CopyVariant {
  const campaign = campaignFor(platform);
  const figure = f.figures.find((s) => s !== f.lead && s !== f.subheadline);
  const body = compose(platform, [f.lead ?? f.subheadline ?? f.headline, figure]);
  const withFigure = Boolean(figure && body.includes(clean(figure)));
  const headline = fitHeadline(platform, f.headline, keyNoun(f));
  const desc = pickShort(
    platform,
    'description',
    informative(f, kit.keyMessages),
    describe(f.company, 'Read the full announcement from', 'Announcement from'),
  );
  return {
    platform,
    angle: 'news',
    asset: null,
    cta: campaign.ctaForAngle.news,
    fields: {
      [bodyKey(platform)]: fit(platform, bodyKey(platform), body, BODY_STRETCH),
      headline: headline.text,
      description: desc,
    },
    rationale: `Straight news: ${f.lead ? 'the lead without its dateline' : "the release's summary"}${withFigure ? ", plus the release's own figure" : ''}.${tail(f, headline, platform)}`,
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

/** Quotation marks of the release's language: « » in French, „ “ in German, “ ” otherwise. */
const MARKS: [RegExp, string, string][] = [
  [/^fr/i, '« ', ' »'],
  [/^de/i, '„', '“'],
];
function quoted(text: string, language: string | null): string {
  const [, open, close] = MARKS.find(([re]) => re.test(language ?? '')) ?? [null, '“', '”'];
  return `${open}${text.replace(/^["“«„]\s?|\s?["”»“]$/g, '')}${close}`;
}

function quoteVariant(platform: Platform, f: ReleaseFacts): CopyVariant {
  const campaign = campaignFor(platform);
  const q = f.quotes[0];
  const headline = fitHeadline(platform, f.headline, keyNoun(f));
  if (!q) {
    const fallback = f.story.find((s) => s !== f.lead && s !== f.figures[0]) ?? f.subheadline ?? f.lead ?? f.headline;
    return {
      platform,
      angle: 'quote',
      asset: null,
      cta: campaign.ctaForAngle.quote,
      fields: {
        [bodyKey(platform)]: fit(platform, bodyKey(platform), fallback, BODY_STRETCH),
        headline: headline.text,
        description: pickShort(platform, 'description', informative(f), describe(f.company, 'More from')),
      },
      rationale: `No attributed quote found in the release: used its second point instead. Add a spokesperson quote to make this a quote ad.${tail(f, headline, platform)}`,
    };
  }
  const speakerName = q.speaker?.split(',')[0]?.trim() ?? null;
  const rule = ruleOf(platform, bodyKey(platform));
  const attribution = speakerName ? ` — ${q.speaker}` : '';
  const whole = `${quoted(clean(q.text), f.language)}${attribution}`;
  // A long quote keeps its first sentence (whole) so the attribution survives.
  const first = clean(q.text).split(/(?<=[.!?])\s/)[0] ?? q.text;
  const body =
    countChars(whole, rule.counting) > rule.recommended.value * BODY_STRETCH
      ? `${quoted(first, f.language)}${attribution}`
      : whole;
  return {
    platform,
    angle: 'quote',
    asset: null,
    cta: campaign.ctaForAngle.quote,
    fields: {
      [bodyKey(platform)]: fit(platform, bodyKey(platform), body, BODY_STRETCH),
      headline: headline.text,
      description: pickShort(
        platform,
        'description',
        // A speaker with a role ("Jane Doe, CEO of Acme") says who; a bare name says less than a fact.
        q.speaker?.includes(',') ? [q.speaker, ...informative(f)] : [...informative(f), q.speaker],
        describe(f.company, 'Comment from'),
      ),
    },
    rationale: `Quote: the strongest line in the release${speakerName ? `, from ${speakerName}` : ''}${quoteWhy(q)}.${tail(f, headline, platform)}`,
  };
}

/** When only the lead has a number, the clause that carries it, so insight doesn't repeat the news ad. */
function figureClause(f: ReleaseFacts): string | null {
  const lead = f.lead && f.figures.includes(f.lead) ? f.lead : null;
  const clause = lead ? clauseWithFigure(lead, FIGURE_RE) : null;
  const named = !f.company || clause?.toLowerCase().startsWith(f.company.toLowerCase());
  return clause ? `${named ? '' : `${f.company}: `}${clause}.` : null;
}

/** "Download: <label>" when it fits honestly, else "Download the <noun>" (with the company when it fits). */
function assetHeadline(
  platform: Platform,
  verb: string,
  label: string,
  noun: string,
  company: string | null,
): ShortForm {
  const rec = ruleOf(platform, 'headline').recommended.value;
  const prefix = `${verb}: `;
  const short = shortForm(label, rec - prefix.length);
  if (short.how.kind !== 'long') return { ...short, text: `${prefix}${short.text}` };
  const plain = company ? `${verb} the ${company} ${noun}` : `${verb} the ${noun}`;
  const text = countChars(plain, ruleOf(platform, 'headline').counting) <= rec ? plain : `${verb} the ${noun}`;
  return {
    text,
    how: { kind: 'rewrite', note: `as "${text}": the ${noun}'s title does not fit and cannot be cut honestly` },
  };
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
    const headline = assetHeadline(platform, verb, tone(label), noun, f.company);
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
          compose(platform, [
            figure,
            `${verb} the ${noun} for the full ${asset.kind === 'webinar' ? 'session' : 'data'}.`,
          ]),
          BODY_STRETCH,
        ),
        headline: fit(platform, 'headline', headline.text),
        description: pickShort(
          platform,
          'description',
          [f.event, f.company ? `${f.company} ${noun}` : null],
          [`Free ${noun}`, `${noun.charAt(0).toUpperCase()}${noun.slice(1)}`],
        ),
      },
      rationale: `Strategic insight: leads with the release's figure and offers the ${noun} (${f.asset ? 'from the release' : 'from the team kit'}) behind a ${verb === 'Download' ? 'download' : 'registration'} button.${tail(f, headline, platform).replace('the headline', `the ${noun}'s title`)}`,
    };
  }
  const headline = fitHeadline(platform, f.headline, keyNoun(f));
  return {
    platform,
    angle: 'insight',
    asset: null,
    cta: campaign.ctaForAngle.insightWithoutAsset,
    fields: {
      [bodyKey(platform)]: fit(platform, bodyKey(platform), compose(platform, [figure]), BODY_STRETCH),
      headline: headline.text,
      description: pickShort(
        platform,
        'description',
        informative(f).filter((c) => c !== figure),
        describe(f.company, 'The numbers behind the news from', 'Context from'),
      ),
    },
    rationale: `Insight without an asset: leads with the release's data point. Add a report, white paper or webinar link (release or team kit) to turn this into a download ad.${tail(f, headline, platform)}`,
  };
}

export function generateCopy(platform: Platform, facts: ReleaseFacts, kit: MessagingKit): CopyVariant[] {
  return [newsVariant(platform, facts, kit), quoteVariant(platform, facts), insightVariant(platform, facts, kit)];
}
