/**
 * Deterministic ids: the same release, platform and angle always give the same draft id, so rebuilding a
 * draft set (or a teammate building it on another machine) converges instead of duplicating. Synchronous
 * (FNV-1a, 64 bits as two 32-bit lanes) because the draft engine is synchronous; not a security hash.
 */
export function stableHash(input: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

export function releaseId(release: { url: string; canonicalUrl: string | null }): string {
  return `rel_${stableHash(release.canonicalUrl || release.url)}`;
}

export function draftId(releaseKey: string, platform: string, angle: string, seed = ''): string {
  return `drf_${stableHash(`${seed}|${releaseKey}|${platform}|${angle}`)}`;
}
