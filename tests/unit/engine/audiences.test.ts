import { describe, expect, it } from 'vitest';
import { buildAudience, PRESETS } from '@/utils/engine/audiences';
import { inferBeat } from '@/utils/engine/beats';
import { cityName, geoFromDateline } from '@/utils/engine/geo';
import { campaignFor } from '@/utils/platforms/campaign-registry';

describe('beat', () => {
  it.each([
    ['Ideanomics Announces Reduction of Debt Holders', 'NASDAQ shares investors debt', 'finance'],
    ['Acme Patches Ransomware Flaw', 'cyber security threat breach', 'cybersecurity'],
    ['Segment Launches Sources to Unify Customer Data', 'cloud software platform data', 'technology'],
    ['Clinic Opens', 'patients clinical FDA', 'health'],
    ['Local Bakery Turns 50', 'bread', 'business'],
  ])('%s → %s', (headline, body, beat) => expect(inferBeat(headline, body).beat.id).toBe(beat));
  it('shows the keywords it matched', () => expect(inferBeat('Debt Cut', 'debt investors').matched).toContain('debt'));
});

describe('geo from the dateline', () => {
  it.each([
    [{ city: 'PALO ALTO', region: 'Calif.', country: null }, 'US'],
    [{ city: 'NEW YORK', region: null, country: null }, 'US'],
    [{ city: 'SAN FRANCISCO', region: 'CA', country: null }, 'US'],
    [{ city: 'LONDON', region: null, country: null }, 'GB'],
    [{ city: 'Waterloo', region: 'Ontario', country: null }, 'CA'],
    [{ city: 'Cork', region: null, country: 'Ireland' }, 'IE'],
  ])('%o → %s', (d, cc) => {
    const g = geoFromDateline(d);
    expect(g.country).toBe(cc);
    expect(g.basis).toBe('dateline');
  });
  it('defaults to the US and says why', () => {
    expect(geoFromDateline(null)).toMatchObject({ country: 'US', basis: 'default' });
    expect(geoFromDateline(null).explanation).toMatch(/no dateline/);
    expect(geoFromDateline({ city: 'Springfield-on-Mars', region: null, country: null }).explanation).toMatch(
      /not a place we recognise/,
    );
  });
});

describe('audience presets', () => {
  const beat = inferBeat('Acme Patches Ransomware Flaw', 'security');
  const geo = geoFromDateline({ city: 'LONDON', region: null, country: null });

  it.each(PRESETS)('LinkedIn %s never combines titles with functions or seniorities', (preset) => {
    const a = buildAudience('linkedin', preset, beat, geo);
    if (a.platform !== 'linkedin') throw new Error('platform');
    expect(a.titles.length > 0 && (a.functions.length > 0 || a.seniorities.length > 0)).toBe(false);
    expect(a.locations).toEqual(['United Kingdom']);
    expect(a.explanation).toBeTruthy();
    // Every facet used is one LinkedIn has.
    const facetIds = campaignFor('linkedin').facets.map((f) => f.id);
    for (const k of ['titles', 'functions', 'seniorities', 'industries', 'groups', 'locations'])
      expect(facetIds).toContain(k);
  });

  it.each(PRESETS)('Meta %s uses names (ids resolved at send time) and the dateline country', (preset) => {
    const a = buildAudience('meta', preset, beat, geo);
    if (a.platform !== 'meta') throw new Error('platform');
    expect(a.geo_locations.countries).toEqual(['GB']);
    expect(a.work_positions.length).toBeGreaterThan(0);
    for (const v of [...a.work_positions, ...a.interests, ...a.behaviors]) expect(v).toMatch(/^[A-Za-z][\w ,&-]+$/);
    expect(a.notes.join(' ')).toMatch(/Advantage/);
  });

  it('journalist titles follow the beat', () => {
    const a = buildAudience('meta', 'journalists', beat, geo);
    expect(a.platform === 'meta' && a.work_positions).toContain('Security Reporter');
  });
});

describe('dateline city for people', () => {
  it.each([
    ['BOSTON', 'Boston'],
    ['PALO ALTO', 'Palo Alto'],
    ['WINSTON-SALEM', 'Winston-Salem'],
    ['ST. LOUIS', 'St. Louis'],
    ['McLean', 'McLean'],
    ['São Paulo', 'São Paulo'],
    ['X', 'X'],
  ])('%s → %s', (raw, shown) => {
    expect(cityName(raw)).toBe(shown);
  });

  it('the audience geo shows the city as people write it, the explanation quotes the dateline', () => {
    const geo = geoFromDateline({ city: 'BOSTON', region: null, country: null });
    expect(geo.city).toBe('Boston');
    expect(geo.explanation).toContain('"BOSTON"');
  });
});
