import type { Guest, GuestContact, GuestTag } from '@pairboard/board-schema';

/** Header language of an export; both read back through `guessColumnMapping`. */
export type ExportLanguage = 'zh-CN' | 'en';

const HEADERS: Record<ExportLanguage, Record<string, string>> = {
  'zh-CN': {
    name: '姓名',
    company: '公司',
    title: '职位',
    phone: '手机',
    email: '邮箱',
    tags: '标签',
    host: '接待人',
    seat: '座位/区域',
    plusOnes: '随行人数',
    notes: '备注',
    walkIn: '现场登记',
    checkedInAt: '签到时间',
    checkedInBy: '签到人',
    companionsArrived: '随行已到',
  },
  en: {
    name: 'Name',
    company: 'Company',
    title: 'Title',
    phone: 'Phone',
    email: 'Email',
    tags: 'Tags',
    host: 'Host',
    seat: 'Seat/zone',
    plusOnes: 'Plus-ones',
    notes: 'Notes',
    walkIn: 'Walk-in',
    checkedInAt: 'Checked in at',
    checkedInBy: 'Checked in by',
    companionsArrived: 'Companions arrived',
  },
};

const TAG_WORDS: Record<ExportLanguage, Record<GuestTag, string>> = {
  'zh-CN': { vip: '贵宾', speaker: '演讲嘉宾', media: '媒体', staff: '工作人员' },
  en: { vip: 'VIP', speaker: 'speaker', media: 'media', staff: 'staff' },
};

const CONTACT_COLUMNS = new Set(['phone', 'email', 'notes']);

export interface GuestExportOptions {
  language: ExportLanguage;
  /** Contact data by guest id; null leaves the phone, e-mail and notes columns out entirely. */
  contacts: ReadonlyMap<string, GuestContact> | null;
  /** Companions checked in per guest id (from `readGuestArrivals`). */
  companionsArrived?: ReadonlyMap<string, number>;
}

/**
 * The guest list as rows of text, header first, in list order: what the CSV and .xlsx exports
 * write. Check-in times stay ISO 8601 (UTC), which spreadsheets and scripts read unambiguously.
 */
export function buildGuestExportTable(guests: readonly Guest[], options: GuestExportOptions): string[][] {
  const headers = HEADERS[options.language];
  const columns = Object.keys(headers).filter(
    (column) => options.contacts !== null || !CONTACT_COLUMNS.has(column),
  );
  const yes = options.language === 'zh-CN' ? '是' : 'yes';
  const rows = guests.map((guest) => {
    const contact = options.contacts?.get(guest.id);
    const value: Record<string, string> = {
      name: guest.name,
      company: guest.company,
      title: guest.title,
      phone: contact?.phone ?? '',
      email: contact?.email ?? '',
      tags: guest.tags.map((tag) => TAG_WORDS[options.language][tag]).join(', '),
      host: guest.host,
      seat: guest.seat,
      plusOnes: String(guest.plusOnes),
      notes: contact?.notes ?? '',
      walkIn: guest.walkIn ? yes : '',
      checkedInAt: guest.checkIn?.at ?? '',
      checkedInBy: guest.checkIn?.by.name ?? '',
      companionsArrived: String(options.companionsArrived?.get(guest.id) ?? 0),
    };
    return columns.map((column) => value[column] ?? '');
  });
  return [columns.map((column) => headers[column] ?? column), ...rows];
}
