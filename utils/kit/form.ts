import { z } from 'zod';
import { AudiencePresetSchema, MessagingKitSchema, type MessagingKit } from '../contract/draft';

/**
 * The options form as the person types it (strings), and its zod validation into a MessagingKit with
 * errors a person can act on. Pure: the options store and the unit tests share it.
 */
export interface KitForm {
  keyMessages: string;
  boilerplate: string;
  newsroomUrl: string;
  assetUrl: string;
  assetLabel: string;
  utmMedium: string;
  utmCampaign: string;
  defaultAudiences: string[];
  adReviewLeadHours: string;
  flightDays: string;
  dailyBudget: string;
  currency: string;
  adAccountTimeZone: string;
  teamServerUrl: string;
}
export type KitErrors = Partial<Record<keyof KitForm, string>>;

const optionalUrl = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => {
      if (!v) return true;
      try {
        return /^https?:$/.test(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `${what} must be a full web address starting with https://, or empty.`);

const number = (what: string, min: number, max: number, int = false) =>
  z
    .string()
    .trim()
    .min(1, `${what} is needed.`)
    .refine((v) => !Number.isNaN(Number(v)), `${what} must be a number.`)
    .transform(Number)
    .refine((n) => !int || Number.isInteger(n), `${what} must be a whole number.`)
    .refine((n) => n >= min && n <= max, `${what} must be between ${min} and ${max}.`);

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const KitFormSchema = z
  .object({
    keyMessages: z
      .string()
      .transform((v) =>
        v
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      )
      .refine((l) => l.length <= 10, 'Keep it to ten key messages or fewer.')
      .refine((l) => l.every((m) => m.length <= 280), 'Each key message must fit in 280 characters.'),
    boilerplate: z.string().trim().max(2000, 'The boilerplate must fit in 2,000 characters.'),
    newsroomUrl: optionalUrl('The newsroom URL'),
    assetUrl: optionalUrl('The asset URL'),
    assetLabel: z.string().trim().max(80, 'The asset label must fit in 80 characters.'),
    utmMedium: z
      .string()
      .trim()
      .regex(/^[\w.-]*$/, 'UTM medium: letters, digits, dashes and underscores only.'),
    utmCampaign: z
      .string()
      .trim()
      .regex(/^[\w.-]*$/, 'UTM campaign: letters, digits, dashes and underscores only.'),
    defaultAudiences: z.array(AudiencePresetSchema).min(1, 'Pick at least one default audience.'),
    adReviewLeadHours: number('Ad-review lead time', 0, 72),
    flightDays: number('Flight length', 1, 90, true),
    dailyBudget: number('Daily budget', 0, 1_000_000),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'Currency must be a three-letter ISO code such as USD or EUR.'),
    adAccountTimeZone: z.string().trim().refine(isTimeZone, 'Time zone must be an IANA name such as America/New_York.'),
    teamServerUrl: optionalUrl('The team server URL'),
  })
  .superRefine((v, ctx) => {
    if (v.assetUrl && !v.assetLabel)
      ctx.addIssue({
        code: 'custom',
        path: ['assetLabel'],
        message: 'Name the asset (e.g. "2026 Skills Report") so ads can say what it is.',
      });
  });

export function kitToForm(kit: MessagingKit | null, teamServerUrl: string): KitForm {
  const k = MessagingKitSchema.parse(kit ?? {});
  return {
    keyMessages: k.keyMessages.join('\n'),
    boilerplate: k.boilerplate,
    newsroomUrl: k.newsroomUrl,
    assetUrl: k.assetUrl,
    assetLabel: k.assetLabel,
    utmMedium: k.defaultUtm.medium ?? '',
    utmCampaign: k.defaultUtm.campaign ?? '',
    defaultAudiences: k.defaultAudiences,
    adReviewLeadHours: String(k.adReviewLeadHours),
    flightDays: String(k.flightDays),
    dailyBudget: String(k.dailyBudget),
    currency: k.currency,
    adAccountTimeZone: k.adAccountTimeZone,
    teamServerUrl,
  };
}

export function validateKitForm(
  form: KitForm,
): { ok: true; kit: MessagingKit; teamServerUrl: string } | { ok: false; errors: KitErrors } {
  const r = KitFormSchema.safeParse(form);
  if (!r.success) {
    const errors: KitErrors = {};
    for (const issue of r.error.issues) {
      const key = issue.path[0] as keyof KitForm;
      errors[key] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const v = r.data;
  const defaultUtm: MessagingKit['defaultUtm'] = {};
  if (v.utmMedium) defaultUtm.medium = v.utmMedium;
  if (v.utmCampaign) defaultUtm.campaign = v.utmCampaign;
  const kit = MessagingKitSchema.parse({
    keyMessages: v.keyMessages,
    boilerplate: v.boilerplate,
    newsroomUrl: v.newsroomUrl,
    assetUrl: v.assetUrl,
    assetLabel: v.assetLabel,
    defaultUtm,
    defaultAudiences: v.defaultAudiences,
    adReviewLeadHours: v.adReviewLeadHours,
    flightDays: v.flightDays,
    dailyBudget: v.dailyBudget,
    currency: v.currency,
    adAccountTimeZone: v.adAccountTimeZone,
  });
  return { ok: true, kit, teamServerUrl: v.teamServerUrl };
}
