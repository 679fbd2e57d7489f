import type { pinyin as PinyinFunction } from 'pinyin-pro';
import type { PinyinReader } from './guest-search-keys.ts';

type Surname = 'head' | 'off';

/**
 * A `PinyinReader` on top of pinyin-pro. For a name it reads the leading characters in
 * surname mode (曾 `zeng`, 单 `shan`, 解 `xie`, 区 `ou`) and adds the common reading as a second
 * choice, so staff who type `ceng` still find 曾小贤. ü is typed `v` on Chinese keyboards and
 * `u` by many others: 吕 reads `lv` and `lu`.
 */
export function createPinyinReader(pinyin: typeof PinyinFunction): PinyinReader {
  const read = (text: string, surname: Surname): string[] =>
    pinyin(text, { toneType: 'none', type: 'array', surname, nonZh: 'removed', v: true }).map((reading) =>
      reading.toLowerCase(),
    );
  // A character outside the dictionary (rare CJK extensions) comes back as nothing, which would
  // shift every later reading: then read one character at a time.
  const readAligned = (chars: string[], surname: Surname): string[] => {
    const whole = read(chars.join(''), surname);
    if (whole.length === chars.length) return whole;
    return chars.map((char) => read(char, surname)[0] ?? '');
  };
  // Surname mode only changes a name's first one or two characters (曾, 尉迟), so only those need
  // their common reading as well; a per-character cache makes that almost free at 10,000 names.
  const commonReadings = new Map<string, string>();
  const commonReading = (char: string): string => {
    let reading = commonReadings.get(char);
    if (reading === undefined) {
      reading = read(char, 'off')[0] ?? '';
      commonReadings.set(char, reading);
    }
    return reading;
  };
  return (han, mode) => {
    const chars = Array.from(han);
    if (mode === 'text') return readAligned(chars, 'off').map((reading) => withUmlautSpellings([reading]));
    const asName = readAligned(chars, 'head');
    return chars.map((char, index) => {
      const reading = asName[index] ?? '';
      return withUmlautSpellings(index < SURNAME_CHARS ? [reading, commonReading(char)] : [reading]);
    });
  };
}

/** Compound surnames (欧阳, 尉迟, 长孙) have two characters. */
const SURNAME_CHARS = 2;

function withUmlautSpellings(readings: string[]): string[] {
  const spelled: string[] = [];
  for (const reading of readings) {
    if (reading.length > 0 && !spelled.includes(reading)) spelled.push(reading);
    const withU = reading.replaceAll('v', 'u');
    if (withU !== reading && !spelled.includes(withU)) spelled.push(withU);
  }
  return spelled;
}

/**
 * Loads pinyin-pro (its dictionary is a few hundred kB) in its own chunk, after the board has
 * rendered: 汉字 and Latin search work before it arrives.
 */
export async function loadPinyinReader(): Promise<PinyinReader> {
  const { pinyin } = await import('pinyin-pro');
  return createPinyinReader(pinyin);
}
