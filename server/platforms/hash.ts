import { createHash } from 'node:crypto';

/**
 * Both platforms match on SHA-256 hex of the normalised e-mail (Meta EMAIL_SHA256, LinkedIn SHA256_EMAIL).
 * Normalisation per Meta's customer-file guidance: trim and lower-case.
 * https://developers.facebook.com/docs/marketing-api/audiences/guides/custom-audiences#hash
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function hashEmail(email: string): string {
  return createHash('sha256').update(normalizeEmail(email)).digest('hex');
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
export const isSha256Hex = (value: string): boolean => SHA256_HEX.test(value);

/** Splits rows into batches of at most `size` (Meta: 10,000 per POST /<audience_id>/users). */
export function chunk<T>(rows: readonly T[], size: number): T[][] {
  if (size < 1) throw new Error('chunk size must be positive');
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
