/*
 * The join-storm board as plain Yjs data, the same bytes for every server: guests with eight
 * fields each and checklist items. It uses Pairboard's entity layout (root Y.Maps `guests` and
 * `items`, one Y.Map per entity keyed by id) because an editor token may change only those roots;
 * the reference servers store whatever they get, so for them it is just a map of maps.
 */
import * as Y from 'yjs';
import { createSeededRandom } from '@pairboard/sync-core';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曾彭萧蔡潘田董袁于余叶蒋杜苏魏';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉宇浩然思远一鸣子涵欣怡';
const COMPANIES = [
  '上海智慧城市研究院',
  '长三角物联网产业联盟',
  'ACME Robotics',
  '第一财经',
  'Greenfield Capital',
];
const TAGS = ['', '', '', 'vip', 'speaker', 'media', 'staff'];

/** Adds guests [from, to) in one transaction (one update, one frame). */
export function addGuests(doc, from, to, random = createSeededRandom(from + 1)) {
  const pick = (text) => text[Math.floor(random() * text.length)];
  const guests = doc.getMap('guests');
  doc.transact(() => {
    for (let i = from; i < to; i += 1) {
      const guest = new Y.Map();
      guests.set(`bench-guest-${String(i).padStart(5, '0')}`, guest);
      guest.set('name', pick(SURNAMES) + pick(GIVEN) + pick(GIVEN));
      guest.set('company', COMPANIES[i % COMPANIES.length]);
      guest.set('title', random() < 0.5 ? '总监' : 'PM');
      guest.set('phone', `13${String(Math.floor(random() * 1e9)).padStart(9, '0')}`);
      guest.set('email', `g${i}@ex.cn`);
      guest.set('tag', TAGS[i % TAGS.length]);
      guest.set('table', 1 + (i % 120));
      guest.set('checkedInAt', random() < 0.3 ? 1795000000000 + i * 1000 : null);
    }
  });
}

/** Adds checklist items [from, to) in one transaction. */
export function addChecklist(doc, from, to) {
  const items = doc.getMap('items');
  doc.transact(() => {
    for (let i = from; i < to; i += 1) {
      const item = new Y.Map();
      items.set(`bench-item-${String(i).padStart(4, '0')}`, item);
      item.set('text', `检查第 ${i + 1} 项：签到台、胸牌、茶歇与音响 (check item ${i + 1})`);
      item.set('done', i % 3 === 0);
    }
  });
}

/** How many benchmark guests and items a doc holds (Pairboard's template adds none of either). */
export function countBoard(doc) {
  const count = (root, prefix) => [...doc.getMap(root).keys()].filter((key) => key.startsWith(prefix)).length;
  return { guests: count('guests', 'bench-guest-'), checklist: count('items', 'bench-item-') };
}

/** The guest whose field the fan-out writer changes 20 times a second. */
export const PROBE_ID = 'bench-fanout-probe';

export function probeSeq(doc) {
  return doc.getMap('guests').get(PROBE_ID)?.get('seq');
}

/** One fan-out edit: a field change on one guest, the size of a check-in. */
export function writeProbe(doc, seq) {
  const guests = doc.getMap('guests');
  doc.transact(() => {
    let probe = guests.get(PROBE_ID);
    if (!probe) {
      probe = new Y.Map();
      guests.set(PROBE_ID, probe);
    }
    probe.set('seq', seq);
  });
}
