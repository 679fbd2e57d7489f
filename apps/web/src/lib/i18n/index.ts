export { i18n } from './i18n.svelte.ts';
export { translate, detectLocale, parseLocale, LOCALES, DEFAULT_LOCALE } from './translate.ts';
export type { Locale, MessageParams } from './translate.ts';
export type { MessageKey } from './messages.ts';
export { formatTime, formatDateTime } from './format.ts';
