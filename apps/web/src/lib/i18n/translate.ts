import { EN, ZH_CN, type MessageKey, type Messages } from './messages.ts';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export type MessageParams = Readonly<Record<string, string | number>>;

const CATALOGS: Record<Locale, Messages> = { en: EN, 'zh-CN': ZH_CN };

/**
 * The message for `key` in `locale`, with `{param}` placeholders filled in. A placeholder
 * without a value stays visible as `{param}`, so a missing argument shows up in review instead
 * of silently printing nothing.
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = CATALOGS[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : String(value);
  });
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
