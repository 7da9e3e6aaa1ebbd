import type { Draft } from '../contract/draft';
import { PLATFORMS, rulesFor } from '../platforms/registry';
import { campaignFor } from '../platforms/campaign-registry';
import { countChars } from '../platforms/count';
import { wireForHost } from '../release/hosts';
import { isLogo } from './image';
import { shortForm } from './shorten';
import { findHype, isShouting } from './text';
import { hasUtm } from './utm';

export type Severity = 'error' | 'warning' | 'info';

export interface LintHint {
  code:
    | 'over-max'
    | 'over-recommended'
    | 'empty'
    | 'missing-link'
    | 'bad-link'
    | 'missing-image'
    | 'all-caps'
    | 'wire-destination'
    | 'no-utm'
    | 'insecure-link'
    | 'audience-below-minimum'
    | 'audience-small'
    | 'hype'
    | 'bad-cta'
    | 'no-short-form'
    | 'logo-image';
  severity: Severity;
  /** Draft field the hint is about, null for the draft as a whole. */
  field: string | null;
  message: string;
  /** Documentation behind the rule, when there is one. */
  source?: string;
}

export interface LintContext {
  /** Unique hashed e-mails of the attached media list (the best estimate before the platform matches). */
  mediaListSize?: number | null;
}

/** Everything worth telling the person about one draft. Pure: call it on every edit. */
export function lintDraft(draft: Draft, ctx: LintContext = {}): LintHint[] {
  const rules = rulesFor(draft.platform);
  const name = PLATFORMS[draft.platform].longLabel;
  const hints: LintHint[] = [];
  const values = draft as unknown as Record<string, string>;
  for (const f of rules.fields) {
    const text = values[f.key] ?? '';
    const n = countChars(text, f.counting);
    if (!text.trim() && f.key !== 'description') {
      hints.push({ code: 'empty', severity: 'error', field: f.key, message: `${f.label} is empty.` });
    } else if (n > f.max.value) {
      hints.push({
        code: 'over-max',
        severity: 'error',
        field: f.key,
        source: f.max.source,
        message: `${f.label} is ${n} characters; ${name} allows at most ${f.max.value}. Shorten by ${n - f.max.value}.`,
      });
    } else if (n > f.recommended.value) {
      hints.push({
        code: 'over-recommended',
        severity: f.overRecommended,
        field: f.key,
        source: f.recommended.source,
        message: `${f.label} is ${n} characters; about ${f.recommended.value} show before it is cut off${f.overRecommended === 'info' ? ' behind "See more"' : ''}.`,
      });
    }
    if (text && isShouting(text)) {
      hints.push({
        code: 'all-caps',
        severity: 'warning',
        field: f.key,
        message: `${f.label} is in capitals: it reads as shouting and platforms may reject it. Use sentence case.`,
      });
    }
    const hype = findHype(text);
    if (hype.length) {
      hints.push({
        code: 'hype',
        severity: 'warning',
        field: f.key,
        message: `${f.label} uses ${hype.map((h) => `"${h}"`).join(', ')}: journalists discount hype. State the fact instead.`,
      });
    }
  }
  const headline = rules.fields.find((f) => f.key === 'headline');
  if (headline && countChars(draft.headline, headline.counting) > headline.recommended.value) {
    if (shortForm(draft.headline, headline.recommended.value).how.kind === 'long') {
      hints.push({
        code: 'no-short-form',
        severity: 'info',
        field: 'headline',
        message: `No honest ${headline.recommended.value}-character form of this headline: every shorter cut would end inside a phrase and change its meaning, so it is kept whole and ${name} cuts it in the feed. Rewrite it by hand if the first ${headline.recommended.value} characters don't read well.`,
      });
    }
  }
  if (!rules.ctas.some((c) => c.value === draft.cta)) {
    hints.push({
      code: 'bad-cta',
      severity: 'error',
      field: 'cta',
      message: `"${draft.cta}" is not a ${name} call to action; pick one of ${rules.ctas.map((c) => c.value).join(', ')}.`,
      source: rules.ctas[0]?.source,
    });
  }
  hints.push(...linkHints(draft), ...audienceHints(draft, ctx));
  if (draft.imageUrl && isLogo({ url: draft.imageUrl, alt: '' })) {
    hints.push({
      code: 'logo-image',
      severity: 'warning',
      field: 'imageUrl',
      message:
        'The image is the company logo: the release came with no photo. A photo of the product, place or people usually earns more attention than a logo; add one if you have it.',
    });
  }
  if (!draft.imageUrl) {
    hints.push({
      code: 'missing-image',
      severity: 'warning',
      field: 'imageUrl',
      message:
        'No image: single-image ads need one (1200×627 works on both platforms). Add the release photo or a brand image.',
    });
  }
  return hints;
}

function linkHints(draft: Draft): LintHint[] {
  if (!draft.url.trim()) {
    return [
      {
        code: 'missing-link',
        severity: 'error',
        field: 'url',
        message: 'No destination link: the ad has nowhere to send people.',
      },
    ];
  }
  let host: string;
  let protocol: string;
  try {
    ({ hostname: host, protocol } = new URL(draft.url));
  } catch {
    return [
      { code: 'bad-link', severity: 'error', field: 'url', message: `"${draft.url}" is not a valid web address.` },
    ];
  }
  const hints: LintHint[] = [];
  const wire = wireForHost(host);
  if (wire) {
    hints.push({
      code: 'wire-destination',
      severity: 'warning',
      field: 'destination',
      message:
        `The link goes to the wire's own page (${host}): you can't add a retargeting pixel there, the traffic ` +
        "credits the wire rather than your site, and on Meta the link preview of a page you don't own cannot be edited. " +
        'Point it at your newsroom copy of the release.',
    });
  }
  if (protocol === 'http:') {
    hints.push({
      code: 'insecure-link',
      severity: 'warning',
      field: 'destination',
      message:
        'The link is http://, not https://: browsers warn on insecure pages and platforms may flag it. Use the https address if the site has one.',
    });
  }
  if (!hasUtm(draft.url)) {
    hints.push({
      code: 'no-utm',
      severity: 'warning',
      field: 'url',
      message: 'The link has no UTM parameters: visits from this ad will show up as unattributed in analytics.',
    });
  }
  return hints;
}

function audienceHints(draft: Draft, ctx: LintContext): LintHint[] {
  if (ctx.mediaListSize == null || !draft.mediaListId) return [];
  const rules = campaignFor(draft.platform);
  const name = PLATFORMS[draft.platform].longLabel;
  const n = ctx.mediaListSize;
  if (n < rules.audienceMinimum.value) {
    return [
      {
        code: 'audience-below-minimum',
        severity: 'warning',
        field: 'mediaListId',
        source: rules.audienceMinimum.source,
        message:
          `The media list has ${n} contacts; ${name} needs at least ${rules.audienceMinimum.value} matched people ` +
          `before it will deliver. Combine it with job-title targeting (journalists, editors) or add contacts.`,
      },
    ];
  }
  if (n < rules.audienceComfortable.value) {
    return [
      {
        code: 'audience-small',
        severity: 'info',
        field: 'mediaListId',
        source: rules.audienceComfortable.source,
        message: `The media list has ${n} contacts; after matching (often half or less) delivery may be thin. Consider adding title targeting.`,
      },
    ];
  }
  return [];
}
