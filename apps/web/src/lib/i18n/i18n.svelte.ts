import type { MessageKey } from './messages.ts';
import {
  DEFAULT_LOCALE,
  detectLocale,
  parseLocale,
  translate,
  type Locale,
  type MessageParams,
} from './translate.ts';
import { formatDateTime, formatTime, formatTimeWithSeconds } from './format.ts';

const STORAGE_KEY = 'pairboard.locale';

/**
 * The app's current language as rune state. Components call `i18n.t(...)`, which reads
 * `locale`, so every string re-renders when the language switches. Only the browser calls
 * `init` and `setLocale`: they touch `navigator` and `localStorage`.
 */
class I18n {
  locale = $state<Locale>(DEFAULT_LOCALE);

  t = (key: MessageKey, params?: MessageParams): string => translate(this.locale, key, params);

  time = (iso: string, timeZone?: string): string => formatTime(iso, this.locale, timeZone);

  timeWithSeconds = (iso: string, timeZone?: string): string =>
    formatTimeWithSeconds(iso, this.locale, timeZone);

  dateTime = (iso: string, timeZone?: string): string => formatDateTime(iso, this.locale, timeZone);

  /** Picks the remembered language, else the browser's. */
  init(): void {
    const stored = readStoredLocale();
    this.#apply(stored ?? detectLocale(navigator.languages));
  }

  setLocale(locale: Locale): void {
    this.#apply(locale);
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Private mode or a full quota: the switch still works for this page view.
    }
  }

  toggle(): void {
    this.setLocale(this.locale === 'en' ? 'zh-CN' : 'en');
  }

  #apply(locale: Locale): void {
    this.locale = locale;
    document.documentElement.lang = locale;
  }
}

function readStoredLocale(): Locale | null {
  try {
    return parseLocale(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

export const i18n = new I18n();
