import type { Dateline } from '../release/schema';

export interface Geo {
  /** ISO 3166-1 alpha-2, as Meta's geo_locations.countries and LinkedIn location lookups take it. */
  country: string;
  countryName: string;
  city: string | null;
  /** 'dateline' when read from the release, 'default' when assumed. */
  basis: 'dateline' | 'default';
  explanation: string;
}

const COUNTRY_NAMES: Record<string, string> = {
  US: 'United States', GB: 'United Kingdom', CA: 'Canada', DE: 'Germany', FR: 'France', IE: 'Ireland',
  AU: 'Australia', IN: 'India', SG: 'Singapore', JP: 'Japan', IL: 'Israel', NL: 'Netherlands', CH: 'Switzerland',
  ES: 'Spain', IT: 'Italy', SE: 'Sweden', CN: 'China', HK: 'Hong Kong', AE: 'United Arab Emirates',
  BR: 'Brazil', MX: 'Mexico', NZ: 'New Zealand', ZA: 'South Africa', KR: 'South Korea', BE: 'Belgium',
  DK: 'Denmark', NO: 'Norway', FI: 'Finland', AT: 'Austria', PL: 'Poland',
};

// Region words as datelines print them: AP abbreviations ("Calif."), postal codes ("CA") and names.
const US_REGIONS = ['ala', 'al', 'alabama', 'alaska', 'ak', 'ariz', 'az', 'arizona', 'ark', 'ar', 'arkansas',
  'calif', 'ca', 'california', 'colo', 'co', 'colorado', 'conn', 'ct', 'connecticut', 'del', 'de', 'delaware',
  'd.c', 'dc', 'fla', 'fl', 'florida', 'ga', 'georgia', 'hawaii', 'hi', 'idaho', 'id', 'ill', 'il', 'illinois',
  'ind', 'in', 'indiana', 'iowa', 'ia', 'kan', 'ks', 'kansas', 'ky', 'kentucky', 'la', 'louisiana', 'maine',
  'me', 'md', 'maryland', 'mass', 'ma', 'massachusetts', 'mich', 'mi', 'michigan', 'minn', 'mn', 'minnesota',
  'miss', 'ms', 'mississippi', 'mo', 'missouri', 'mont', 'mt', 'montana', 'neb', 'ne', 'nebraska', 'nev', 'nv',
  'nevada', 'n.h', 'nh', 'new hampshire', 'n.j', 'nj', 'new jersey', 'n.m', 'nm', 'new mexico', 'n.y', 'ny',
  'new york', 'n.c', 'nc', 'north carolina', 'n.d', 'nd', 'north dakota', 'ohio', 'oh', 'okla', 'ok', 'oklahoma',
  'ore', 'or', 'oregon', 'pa', 'penn', 'pennsylvania', 'r.i', 'ri', 'rhode island', 's.c', 'sc',
  'south carolina', 's.d', 'sd', 'south dakota', 'tenn', 'tn', 'tennessee', 'texas', 'tx', 'utah', 'ut', 'vt',
  'vermont', 'va', 'virginia', 'wash', 'wa', 'washington', 'w.va', 'wv', 'west virginia', 'wis', 'wi',
  'wisconsin', 'wyo', 'wy', 'wyoming', 'usa', 'u.s', 'us', 'united states'];

// Cities that datelines print alone (AP style "NEW YORK", "LONDON").
const CITIES: Record<string, string> = {
  'new york': 'US', 'san francisco': 'US', 'chicago': 'US', 'boston': 'US', 'washington': 'US',
  'los angeles': 'US', 'seattle': 'US', 'atlanta': 'US', 'dallas': 'US', 'houston': 'US', 'miami': 'US',
  'denver': 'US', 'detroit': 'US', 'philadelphia': 'US', 'austin': 'US', 'san jose': 'US', 'san diego': 'US',
  'palo alto': 'US', 'las vegas': 'US', 'baltimore': 'US', 'pittsburgh': 'US', 'minneapolis': 'US',
  london: 'GB', manchester: 'GB', edinburgh: 'GB', toronto: 'CA', vancouver: 'CA', montreal: 'CA', ottawa: 'CA',
  calgary: 'CA', paris: 'FR', berlin: 'DE', munich: 'DE', frankfurt: 'DE', dublin: 'IE', sydney: 'AU',
  melbourne: 'AU', singapore: 'SG', tokyo: 'JP', mumbai: 'IN', bangalore: 'IN', bengaluru: 'IN',
  'new delhi': 'IN', 'tel aviv': 'IL', amsterdam: 'NL', zurich: 'CH', geneva: 'CH', madrid: 'ES',
  barcelona: 'ES', milan: 'IT', stockholm: 'SE', 'hong kong': 'HK', shanghai: 'CN', beijing: 'CN',
  dubai: 'AE', 'sao paulo': 'BR', 'são paulo': 'BR', 'mexico city': 'MX', auckland: 'NZ',
  johannesburg: 'ZA', seoul: 'KR', brussels: 'BE', copenhagen: 'DK', oslo: 'NO', helsinki: 'FI',
  vienna: 'AT', warsaw: 'PL',
};

const COUNTRY_WORDS: Record<string, string> = {
  'united kingdom': 'GB', uk: 'GB', 'u.k': 'GB', england: 'GB', scotland: 'GB', wales: 'GB',
  canada: 'CA', ontario: 'CA', 'ont': 'CA', 'b.c': 'CA', quebec: 'CA', alberta: 'CA', germany: 'DE',
  france: 'FR', ireland: 'IE', australia: 'AU', india: 'IN', singapore: 'SG', japan: 'JP', israel: 'IL',
  netherlands: 'NL', 'the netherlands': 'NL', switzerland: 'CH', spain: 'ES', italy: 'IT', sweden: 'SE',
  china: 'CN', uae: 'AE', brazil: 'BR', mexico: 'MX', 'new zealand': 'NZ', 'south africa': 'ZA',
  'south korea': 'KR', korea: 'KR', belgium: 'BE', denmark: 'DK', norway: 'NO', finland: 'FI', austria: 'AT',
  poland: 'PL',
};

const norm = (s: string) => s.toLowerCase().replace(/\.$/, '').trim();

function lookup(word: string | null): string | null {
  if (!word) return null;
  const w = norm(word);
  if (COUNTRY_WORDS[w]) return COUNTRY_WORDS[w]!;
  if (US_REGIONS.includes(w)) return 'US';
  return CITIES[w] ?? null;
}

export const DEFAULT_COUNTRY = 'US';

/** A dateline city as people write it: wires print "BOSTON" / "PALO ALTO"; names with lower case stay. */
export function cityName(city: string): string {
  if (city !== city.toUpperCase() || !/\p{Lu}{2}/u.test(city)) return city;
  return city.toLowerCase().replace(/(^|[\s\-'.])(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Country from the dateline (country, then region, then city), else the US with a reason. */
export function geoFromDateline(dateline: Dateline | null): Geo {
  const country = dateline && (lookup(dateline.country) ?? lookup(dateline.region) ?? lookup(dateline.city));
  if (dateline && country) {
    const name = COUNTRY_NAMES[country] ?? country;
    const where = [dateline.city, dateline.region].filter(Boolean).join(', ');
    return { country, countryName: name, city: cityName(dateline.city), basis: 'dateline',
      explanation: `${name}, from the dateline "${where}": the release's home market, where its press is.` };
  }
  const why = dateline ? `the dateline "${dateline.city}" is not a place we recognise` : 'the release has no dateline';
  return { country: DEFAULT_COUNTRY, countryName: COUNTRY_NAMES[DEFAULT_COUNTRY]!, city: null, basis: 'default',
    explanation: `United States by default: ${why}. Change the location if the story is aimed elsewhere.` };
}
