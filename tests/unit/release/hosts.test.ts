import { describe, expect, it } from 'vitest';
import { WIRE_MATCHES, wireForHost } from '@/utils/release/hosts';

describe('wire hosts', () => {
  it.each([
    ['www.prnewswire.com', 'prnewswire'],
    ['prnewswire.com', 'prnewswire'],
    ['www.prnewswire.co.uk', 'prnewswire'],
    ['www.businesswire.com', 'businesswire'],
    ['www.globenewswire.com', 'globenewswire'],
    ['www.einnews.com', 'einpresswire'],
    ['www.newswire.ca', 'cision'],
    ['www.newswire.com', 'newswirecom'],
    ['www.newsfilecorp.com', 'newsfile'],
    ['evilprnewswire.com', null],
    ['prnewswire.com.evil.example', null],
    ['techcrunch.com', null],
  ])('%s → %s', (host, wire) => expect(wireForHost(host)).toBe(wire));

  it('never asks for all sites', () => {
    for (const m of WIRE_MATCHES) {
      expect(m).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
      expect(m).not.toContain('<all_urls>');
    }
  });
});
