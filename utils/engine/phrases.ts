/**
 * Tables the copy rules read: where a headline may be cut, which release lines are never ad text, which
 * words make an event. Data, not code: a new case is a new entry.
 */

/**
 * Words a phrase boundary may sit before: "Partner | to Help…", "Bank Note | to Celebrate…",
 * "Debt Holders | as Part of…". Not "and"/"of"/"from"/"by"/"in": cutting there ends inside a noun phrase
 * ("Reduction of Debt") or flips the meaning ("Acquired | by X").
 */
// prettier-ignore
export const BOUNDARY_WORDS = ['to', 'for', 'with', 'as', 'amid', 'after', 'through', 'via', 'while', 'despite', 'following'];

/**
 * A boundary word that belongs to the word before it: "Looks | to Disrupt" leaves "X Looks", "Teams Up |
 * with" leaves "X Teams Up", "Named | as CEO" leaves "X Named". Keyed by the boundary word.
 */
// prettier-ignore
export const BOUND_TO_PREVIOUS: Record<string, string[]> = {
  to: [
    'looks', 'look', 'aims', 'aim', 'seeks', 'seek', 'plans', 'plan', 'set', 'sets', 'expected', 'expects', 'continues',
    'continue', 'is', 'are', 'was', 'were', 'be', 'poised', 'ready', 'able', 'begins', 'agrees', 'agree', 'needs',
    'wants', 'hopes', 'chooses', 'decides', 'intends', 'moves', 'prepares', 'up', 'due', 'according', 'close', 'next',
    'prior', 'thanks', 'going', 'how', 'what', 'where', 'when', 'whether', 'committed', 'commits', 'pledges', 'vows',
    'tapped', 'selected', 'chosen', 'picked', 'appointed', 'named', 'elected', 'invited', 'returns', 'comes', 'way',
    'added', 'adds', 'joins', 'listed', 'access', 'ability', 'right', 'rights', 'path', 'key', 'answer', 'guide',
    'introduction', 'approach', 'response', 'contribution', 'commitment', 'compared', 'relative', 'equal', 'similar',
    'opportunity', 'bid', 'race', 'effort', 'efforts', 'deal', 'agreement', 'rush', 'strives', 'tries', 'owed', 'paid',
    'sold', 'given', 'granted', 'awarded', 'returned', 'sent', 'delivered', 'transferred', 'related', 'belongs', 'leads',
  ],
  for: [
    'calls', 'call', 'files', 'file', 'filed', 'applies', 'apply', 'pays', 'accounts', 'opts', 'way', 'stage',
    'searches', 'looking', 'looks', 'ready', 'prepares', 'prepared', 'gears', 'qualifies', 'approved', 'approval',
    'waits', 'cleared', 'eligible', 'responsible', 'known', 'votes', 'vote', 'asks', 'ask', 'center', 'centre',
    'institute', 'fund', 'foundation', 'alliance', 'coalition', 'council', 'association', 'society', 'partners',
    'need', 'demand', 'search', 'hunt', 'bid', 'case', 'room', 'time', 'reason', 'argument', 'support', 'push', 'plea',
    // "Reports Results | for the First Quarter" drops which results: the period belongs to the figures.
    'results', 'earnings', 'revenue', 'revenues', 'sales', 'guidance', 'outlook', 'dividend', 'dividends', 'date',
    'dates', 'plans', 'forecast', 'estimates', 'figures',
  ],
  with: [
    'up', 'integrates', 'integrate', 'integration', 'compatible', 'complies', 'comply', 'compliant', 'merges', 'merge',
    'merger', 'collaborates', 'deals', 'copes', 'cope', 'struggles', 'charged', 'diagnosed', 'familiar', 'along',
    'together', 'compared', 'comparable', 'associated', 'consistent', 'faced', 'faces', 'meets', 'met',
  ],
  as: [
    'named', 'serve', 'serves', 'such', 'known', 'same', 'joins', 'appointed', 'returns', 'acts', 'act', 'regarded',
    'recognized', 'recognised', 'ranked', 'listed', 'rated', 'chosen', 'selected', 'elected', 'designated', 'well',
    'so', 'just', 'confirmed', 'reappointed', 'reelected', 're-elected', 'steps', 'emerges', 'emerge', 'classified',
  ],
  after: ['shortly', 'soon', 'day', 'year', 'week', 'month', 'years', 'months', 'weeks', 'days', 'one', 'first'],
};

/** A boundary word that pairs with one before it: "from X | to Y" and "between X | and Y" are one range. */
export const PAIRED_BEFORE: Record<string, RegExp> = {
  to: /\b(?:from|between)\b(?:\s+\S+){0,4}$/i,
};

/** Words a short form must not end on: "Partner to" or "Close the" read as broken. */
// prettier-ignore
export const DANGLING = new Set([
  'a', 'an', 'the', 'to', 'of', 'in', 'on', 'for', 'and', 'or', 'with', 'by', 'at', 'as', 'from', 'its', 'their',
  'our', 'his', 'her', '&', '-', '–', '—', 'that', 'which', 'is', 'are', 'was', 'will', 'new', 'up', 'into', 'than',
]);

/**
 * Headline rewrites that keep the meaning, each tried as a whole form before any cut: a ticker in brackets
 * says nothing in an ad, and "X Announces Y" says no more than "X: Y".
 */
export const HEADLINE_REWRITES: { re: RegExp; to: string; note: string }[] = [
  {
    re: /\s*\((?:(?:NASDAQ|NYSE(?: American)?|NYSE MKT|TSXV?|LSE|AIM|ASX|OTC\w*|AMEX|EBR|CSE|Euronext|XETRA)\s*:\s*)?[A-Z]{1,5}(?:\.[A-Z]{1,2})?\)/g,
    to: '',
    note: 'without the ticker',
  },
  {
    re: /^(.{2,60}?)\s+(?:Announces|Announced|Today Announced|Is Pleased to Announce|Proudly Announces)\s+(?=\S)/i,
    to: '$1: ',
    note: 'with "Announces" as a colon',
  },
];

/**
 * Lines and sentences that never become ad text: captions, credits, logo alt text, media lines, links,
 * contacts, legal and about boilerplate. Tested on each sentence; `wholeLine` rules also on a whole
 * paragraph (a paragraph that opens as a caption or holds legal text goes entirely; one link drops only its
 * sentence).
 */
export const NOT_AD_TEXT: { why: string; re: RegExp; wholeLine?: true }[] = [
  {
    why: 'media line',
    wholeLine: true,
    re: /^(?:photo|photos|logo|image|video|graphic|infographic|multimedia|audio)s?\s*(?:[-–—:|]|\(|$)/i,
  },
  {
    why: 'caption',
    wholeLine: true,
    re: /^(?:caption|credit|photo credit|photo courtesy|pictured|image courtesy|courtesy of)\b/i,
  },
  { why: 'credit', re: /PRNewsfoto|CNW Group\/|\((?:Photo|Image|Credit):|Getty Images|Shutterstock|©|\(c\) \d{4}/i },
  { why: 'source line', wholeLine: true, re: /^SOURCE\s+\S|^Source:\s/ },
  {
    why: 'wire furniture',
    wholeLine: true,
    re: /^(?:view (?:original|source) (?:content|version)|click here|follow us|connect with us|to view the original|subscribe to)\b/i,
  },
  { why: 'link', re: /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\.|\b[a-z0-9-]+\.(?:com|net|org|io|co)\/\S/i },
  { why: 'bare domain', re: /\b[a-z0-9-]{2,}\.(?:com|net|org|io|ca|de|fr|co\.uk)\b/ },
  { why: 'e-mail', re: /[\w.+-]+@[\w-]+\.[\w.]+/ },
  { why: 'phone', re: /(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/ },
  {
    why: 'contact',
    wholeLine: true,
    re: /^(?:media|press|investor|editorial|company)?\s*(?:contacts?|inquiries|enquiries|relations)\s*(?::|$)/i,
  },
  {
    why: 'legal',
    wholeLine: true,
    re: /forward[- ]looking statements?|safe harbou?r|all rights reserved|registered trademarks?|trademarks? (?:of|are)|undue reliance|this (?:press )?release (?:contains|may contain|includes)|not an offer to (?:sell|buy)/i,
  },
  { why: 'about block', wholeLine: true, re: /^about\s+\S/i },
  {
    why: 'self-description',
    wholeLine: true,
    re: /^[A-Z][^.]{0,70}?\s+(?:is|are)\s+(?:a|an|the)\s+(?:world(?:'s|’s)?\s|global\s|leading\s|premier\s|provider|leader|developer|publisher)/,
  },
  { why: 'logo alt text', wholeLine: true, re: /^(?=(?:\S+\s+){0,10}\S+$).*\blogo\b/i },
];

/** A line that is a label, not prose: a section heading, a name, "First Quarter Highlights". */
export const isLabel = (text: string) => !/[.!?…:;"”»“]$/.test(text.trim()) && text.trim().split(/\s+/).length < 7;

/** Words that make a release an event announcement (conference talk, webinar, trade show). */
export const EVENT_RE =
  /\b(?:conferences?|summit|webinar|webcast|expo|exhibition|trade show|tradeshow|forum|keynote|symposium|festival|congress|workshop|meetup|fair|booth|to present at|will present|will host|will speak|fireside chat)\b/i;

const MONTHS =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** "June 3", "June 3-5, 2026", "Sept. 12 and 13", "3 June 2026", "3-5 June". */
export const EVENT_DATE_RE = new RegExp(
  `\\b${MONTHS}\\s+\\d{1,2}(?:\\s*(?:[-–]|and|to|through)\\s*(?:${MONTHS}\\s+)?\\d{1,2})?(?:,?\\s+\\d{4})?\\b|\\b\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?\\s+${MONTHS}(?:\\s+\\d{4})?\\b`,
);
/** "in Las Vegas", "at the Moscone Center in San Francisco", "at Booth 42": capitalised names after at/in. */
export const EVENT_PLACE_RE =
  /\b(?:at|in)\s+((?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|de|and|&))*(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:\s+in\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?:,\s+[A-Z][\w.]*)?)?)/;
