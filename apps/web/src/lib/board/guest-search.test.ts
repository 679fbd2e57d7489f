import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import type { Guest } from '@pairboard/board-schema';
import { createPinyinReader } from './guest-pinyin.ts';
import { buildGuestSearchKeys } from './guest-search-keys.ts';
import { MatchRank, parseGuestQuery, rankGuest, searchGuests } from './guest-search.ts';
import { makeGuest } from './guest-test-data.ts';

const reader = createPinyinReader(pinyin);

/** Keys built once per guest, the way GuestSearchIndex keeps them. */
function index(guests: Guest[], withPinyin = true) {
  const keys = new Map(
    guests.map((guest) => [guest, buildGuestSearchKeys(guest, withPinyin ? reader : null)]),
  );
  const keysOf = (guest: Guest) => {
    const found = keys.get(guest);
    if (!found) throw new Error(`no keys for ${guest.name}`);
    return found;
  };
  return { guests, keysOf };
}

const names = (guests: Guest[]) => guests.map((guest) => guest.name);

const GUESTS = [
  makeGuest('1', '张三', '上海智慧城市研究院'),
  makeGuest('2', 'Alice Chen', 'Pudong Media', true),
  makeGuest('3', '李四', 'ACME Robotics'),
  makeGuest('4', '曾小贤', '浦东电视台'),
  makeGuest('5', '单田芳', ''),
  makeGuest('6', '解晓东', ''),
  makeGuest('7', '吕方', ''),
];
const ALL = index(GUESTS);

const find = (query: string) => names(searchGuests(ALL.guests, ALL.keysOf, query));
const rank = (name: string, query: string) => {
  const guest = GUESTS.find((candidate) => candidate.name === name);
  if (!guest) throw new Error(`no guest ${name}`);
  return rankGuest(ALL.keysOf(guest), parseGuestQuery(query));
};

describe('searchGuests: what staff type', () => {
  it('keeps everyone, in list order, for an empty or blank query', () => {
    expect(find('')).toEqual(GUESTS.map((guest) => guest.name));
    expect(find('   ')).toEqual(GUESTS.map((guest) => guest.name));
  });

  it('finds a name by its characters, in part or whole', () => {
    expect(find('张')).toEqual(['张三']);
    expect(find('张三')).toEqual(['张三']);
    expect(find('小贤')).toEqual(['曾小贤']);
  });

  it('finds a name by full pinyin, with or without spaces, in any case', () => {
    expect(find('zhangsan')).toEqual(['张三']);
    expect(find('zhang san')).toEqual(['张三']);
    expect(find('ZhangSan')).toEqual(['张三']);
    expect(find('xiaoxian')).toEqual(['曾小贤']);
  });

  it('finds a name by pinyin initials and by partial syllables', () => {
    expect(find('zs')).toEqual(['张三']);
    expect(find('ZS')).toEqual(['张三']);
    expect(find('zhangs')).toEqual(['张三']);
    expect(find('zsan')).toEqual(['张三']);
  });

  it('accepts characters and pinyin mixed in one word', () => {
    expect(find('张san')).toEqual(['张三']);
    expect(find('zhang三')).toEqual(['张三']);
  });

  it('reads polyphonic surnames with their surname reading, and still accepts the common one', () => {
    expect(find('zengxiaoxian')).toEqual(['曾小贤']);
    expect(find('zxx')).toEqual(['曾小贤']);
    expect(find('cengxiaoxian')).toEqual(['曾小贤']);
    expect(find('shantianfang')).toEqual(['单田芳']);
    expect(find('stf')).toEqual(['单田芳']);
    expect(find('xiexiaodong')).toEqual(['解晓东']);
  });

  it('spells ü as v or u', () => {
    expect(find('lvfang')).toEqual(['吕方']);
    expect(find('lufang')).toEqual(['吕方']);
  });

  it('finds the company by characters, pinyin, initials and Latin letters, ignoring case', () => {
    expect(find('研究院')).toEqual(['张三']);
    expect(find('shanghai')).toEqual(['张三']);
    expect(find('shzh')).toEqual(['张三']);
    expect(find('acme')).toEqual(['李四']);
    expect(find('bot')).toEqual(['李四']);
  });

  it('treats full-width letters like half-width ones', () => {
    expect(find('ＡＬＩＣＥ')).toEqual(['Alice Chen']);
    expect(find('ｚｓ')).toEqual(['张三']);
  });

  it('requires every word to match, across name and company', () => {
    expect(find('alice media')).toEqual(['Alice Chen']);
    expect(find('zs shanghai')).toEqual(['张三']);
    expect(find('alice robotics')).toEqual([]);
  });

  it('finds no one for text that matches nothing', () => {
    expect(find('qqq')).toEqual([]);
    expect(find('张四')).toEqual([]);
  });

  it('finds by 汉字 and Latin letters before pinyin has been computed', () => {
    const plain = index(GUESTS, false);
    expect(names(searchGuests(plain.guests, plain.keysOf, '张三'))).toEqual(['张三']);
    expect(names(searchGuests(plain.guests, plain.keysOf, 'alice'))).toEqual(['Alice Chen']);
    expect(searchGuests(plain.guests, plain.keysOf, 'zs')).toEqual([]);
  });
});

describe('ranking', () => {
  it('ranks exact characters, full pinyin and initials as exact', () => {
    expect(rank('张三', '张三')).toBe(MatchRank.Exact);
    expect(rank('张三', 'zhangsan')).toBe(MatchRank.Exact);
    expect(rank('张三', 'zhang san')).toBe(MatchRank.Exact);
    expect(rank('张三', 'zs')).toBe(MatchRank.Exact);
  });

  it('ranks a start of the name as a prefix, and later parts as inside', () => {
    expect(rank('张三', 'zh')).toBe(MatchRank.NamePrefix);
    expect(rank('张三', '张')).toBe(MatchRank.NamePrefix);
    expect(rank('曾小贤', 'xiao')).toBe(MatchRank.NameInside);
  });

  it('ranks company matches below name matches, and mid-word text last', () => {
    expect(rank('张三', 'yanjiuyuan')).toBe(MatchRank.Company);
    expect(rank('李四', 'bot')).toBe(MatchRank.Substring);
    expect(rank('李四', 'zzz')).toBeNull();
  });

  it('lists exact hits first, then prefixes, then inside the name, then companies, each in list order', () => {
    const { guests, keysOf } = index([
      makeGuest('a', '李张三', ''),
      makeGuest('b', '张森林', ''),
      makeGuest('c', '王五', 'ZS Consulting'),
      makeGuest('d', '张三', ''),
      makeGuest('e', '赵顺', ''),
    ]);
    expect(names(searchGuests(guests, keysOf, 'zs'))).toEqual([
      '张三', // initials, exact
      '赵顺', // initials, exact, later in the list
      '张森林', // prefix
      '李张三', // inside the name
      '王五', // company
    ]);
  });
});
