/**
 * Currencies without minor units. Meta's budgets are integers in the currency's smallest unit
 * ("daily_budget=5000 = 50.00"; for these currencies the offset is 1).
 * https://developers.facebook.com/docs/marketing-api/currencies
 */
const ZERO_DECIMAL = new Set(['CLP', 'COP', 'CRC', 'HUF', 'ISK', 'IDR', 'JPY', 'KRW', 'PYG', 'TWD', 'VND']);

export const minorUnitDigits = (currency: string): number => (ZERO_DECIMAL.has(currency.toUpperCase()) ? 0 : 2);

/** 50 USD → 5000; 5000 JPY → 5000. Integer by construction (Meta rejects fractional budgets). */
export function toMinorUnits(amount: number, currency: string): number {
  return Math.round(amount * 10 ** minorUnitDigits(currency));
}

/** 50 USD → "50.00" (LinkedIn: decimal string in major units). */
export function toMajorString(amount: number, currency: string): string {
  return amount.toFixed(minorUnitDigits(currency));
}
