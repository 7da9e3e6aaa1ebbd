import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importMediaList, MediaListError, normaliseEmail, sha256Hex } from '@/utils/engine/medialist';

const fixture = (name: string) => readFileSync(resolve(__dirname, '../../fixtures/engine', name), 'utf8');

describe('media list import', () => {
  it("hashes the trimmed, lower-cased address as SHA-256 hex (the platforms' format)", async () => {
    expect(await sha256Hex('test@example.com')).toBe(
      '973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b',
    );
    expect(normaliseEmail('  Test@Example.COM ')).toBe('test@example.com');
    expect(normaliseEmail('Bob <bob@wire.example>')).toBe('bob@wire.example');
    expect(normaliseEmail('mailto:x@y.io')).toBe('x@y.io');
    expect(normaliseEmail('carol(at)example.com')).toBeNull();
  });

  it('reads BOM, semicolons, quoted separators, CRLF and multi-line fields, with 1-based line numbers', async () => {
    const list = await importMediaList(fixture('media-semicolon-bom.csv'));
    expect(list.columns).toEqual({ email: 'Email', name: 'Name', outlet: 'Outlet', beat: 'Beat' });
    expect(list.rows).toBe(6);
    expect(list.hashes).toHaveLength(3);
    expect(list.hashes[0]).toBe(await sha256Hex('jane.doe@example.com'));
    expect(list.contacts.map((c) => [c.line, c.name, c.outlet, c.beat])).toEqual([
      [2, 'Jane Doe', 'Daily News; Metro', 'Tech'],
      [3, 'Smith, John', 'Wired', 'Security'],
      [6, 'Multi\r\nLine Name', 'The "Quoted" Times', 'Policy'],
    ]);
    expect(list.invalid).toEqual([
      { line: 4, reason: 'not a valid e-mail address' },
      { line: 8, reason: 'no e-mail address' },
    ]);
    expect(list.duplicates).toEqual([{ line: 5, reason: 'same e-mail as line 2' }]);
  });

  it('never keeps a raw e-mail address in the result', async () => {
    const list = await importMediaList(fixture('media-semicolon-bom.csv'));
    expect(JSON.stringify(list)).not.toMatch(/@/);
  });

  it('finds the e-mail column by content when there is no header', async () => {
    const list = await importMediaList(fixture('media-no-header.csv'));
    expect(list.columns).toEqual({ email: 'column 2', name: 'column 1', outlet: 'column 3', beat: null });
    expect(list.contacts[1]).toMatchObject({ name: 'Bob, Jr.', outlet: 'Times, The' });
    expect(list.hashes).toEqual([await sha256Hex('alice@news.example'), await sha256Hex('bob@wire.example')]);
    expect(list.invalid).toEqual([{ line: 3, reason: 'not a valid e-mail address' }]);
  });

  it('guesses a beat column by its vocabulary when there is no header', async () => {
    const list = await importMediaList(
      'Tech,Ana Lopez,ana@x.example,El Pais\nPolitics,Ben Ng,ben@y.example,Straits Times\n',
    );
    expect(list.columns).toEqual({ email: 'column 3', name: 'column 2', outlet: 'column 4', beat: 'column 1' });
  });

  it('detects columns by header names and joins first and last names', async () => {
    const list = await importMediaList(fixture('media-columns.csv'));
    expect(list.columns).toEqual({
      email: 'E-mail Address',
      name: 'First Name',
      outlet: 'Publication',
      beat: 'Coverage Area',
    });
    expect(list.contacts[0]).toMatchObject({ name: 'Ana Lopez', outlet: 'El Pais', beat: 'Economy' });
  });

  it('warns below each platform minimum and suggests title targeting', async () => {
    const list = await importMediaList(fixture('media-columns.csv'));
    expect(list.warnings.map((w) => [w.platform, w.code])).toEqual([
      ['meta', 'below-minimum'],
      ['linkedin', 'below-minimum'],
    ]);
    expect(list.warnings[1]!.message).toMatch(/300.*job-title/);
    const rows = Array.from({ length: 400 }, (_, i) => `p${i}@outlet.example`).join('\n');
    const mid = await importMediaList(`email\n${rows}`);
    expect(mid.warnings.map((w) => [w.platform, w.code])).toEqual([['linkedin', 'may-fall-below']]);
  });

  it('reports progress and the same list gives the same id', async () => {
    const csv = `email\n${Array.from({ length: 2500 }, (_, i) => `p${i}@x.example`).join('\n')}`;
    const seen: [number, number][] = [];
    const a = await importMediaList(csv, { onProgress: (d, t) => seen.push([d, t]), batchSize: 1000 });
    expect(seen).toEqual([
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
    expect((await importMediaList(csv)).id).toBe(a.id);
  });

  it('gives clear errors for an empty file or no e-mail column', async () => {
    await expect(importMediaList('')).rejects.toThrow(MediaListError);
    await expect(importMediaList('name,outlet\nA,B\n')).rejects.toThrow(/No e-mail column/);
  });
});

describe('media list properties', () => {
  it('one hash per distinct valid address, invalid rows reported, no raw address kept', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.emailAddress(),
            fc.string({ maxLength: 20 }).map((s) => s.replace(/[\r\n"]/g, '')),
          ),
          { maxLength: 40 },
        ),
        async (cells) => {
          const csv = ['email', ...cells.map((c) => `"${c}"`)].join('\n');
          const list = await importMediaList(csv);
          const valid = cells.map(normaliseEmail).filter((e): e is string => e !== null);
          expect(list.hashes.length).toBe(new Set(valid).size);
          expect(list.hashes.length + list.invalid.length + list.duplicates.length).toBe(list.rows);
          for (const e of valid) expect(JSON.stringify(list)).not.toContain(e);
        },
      ),
      { numRuns: 60 },
    );
  });
});
