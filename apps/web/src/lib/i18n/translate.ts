import { IntlMessageFormat } from 'intl-messageformat';
import { EN, ZH_CN, type MessageKey, type Messages } from './messages.ts';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export type MessageParams = Readonly<Record<string, string | number>>;

const CATALOGS: Record<Locale, Messages> = { en: EN, 'zh-CN': ZH_CN };

const compiled = new Map<string, IntlMessageFormat>();

/** Messages are ICU MessageFormat (FormatJS), compiled once per locale and key. */
function formatterFor(locale: Locale, key: MessageKey): IntlMessageFormat {
  const cacheKey = `${locale}\u0000${key}`;
  let formatter = compiled.get(cacheKey);
  if (!formatter) {
    formatter = new IntlMessageFormat(CATALOGS[locale][key], locale);
    compiled.set(cacheKey, formatter);
  }
  return formatter;
}

/**
 * The message for `key` in `locale`, formatted with ICU MessageFormat: `{count}` numbers are
 * written the locale's way (10,000) and `{count, plural, one {…} other {…}}` picks the right
 * form. A message whose argument is missing shows its template, so the gap shows up in review
 * instead of printing nothing.
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  try {
    const formatted = formatterFor(locale, key).format(params);
    return typeof formatted === 'string' ? formatted : String(formatted);
  } catch {
    return CATALOGS[locale][key];
  }
}

/** A stored or requested locale string, or null when it is not one we ship. */
export function parseLocale(value: string | null | undefined): Locale | null {
  return LOCALES.find((locale) => locale === value) ?? null;
}

/** Chinese for any `zh*` browser language (zh, zh-CN, zh-Hans-CN, zh-TW…), else English. */
export function detectLocale(languages: readonly string[]): Locale {
  const first = languages[0];
  return first !== undefined && first.toLowerCase().startsWith('zh') ? 'zh-CN' : DEFAULT_LOCALE;
}
