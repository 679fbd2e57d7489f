/**
 * Every string the web app shows: English (`en.ts`, the reference whose keys every locale must
 * have) and Simplified Chinese (`zh-cn.ts`). `{name}` placeholders are filled by `translate`.
 * The English strings are also the accessible names the e2e specs look for, so change them
 * together with the specs.
 */
export { EN } from './en.ts';
export type { MessageKey, Messages } from './en.ts';
export { ZH_CN } from './zh-cn.ts';
