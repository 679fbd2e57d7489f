import { EN, type MessageKey } from '../i18n/messages.ts';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface Describable {
  action: string;
  label: string;
  detail: string;
  actor: { name: string } | null;
}

const LEVEL_KEYS: Record<string, MessageKey> = {
  red: 'report.level.red',
  yellow: 'report.level.yellow',
  blue: 'report.level.blue',
};

const isKey = (key: string): key is MessageKey => Object.hasOwn(EN, key);

/**
 * One feed line in the reader's language: "Ana ticked “Test mics”". An action this build does
 * not know (a newer server) still reads, with its raw code.
 */
export function activityText(entry: Describable, t: Translate): string {
  const key = `activity.action.${entry.action}`;
  const levelKey = LEVEL_KEYS[entry.detail];
  const detail = levelKey ? t(levelKey) : entry.detail;
  const action = isKey(key)
    ? t(key, { label: entry.label, detail })
    : t('activity.action.other', { label: entry.label, action: entry.action });
  return t('activity.entry', { actor: entry.actor?.name || t('activity.system'), action });
}
