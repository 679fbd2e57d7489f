import * as decoding from 'lib0/decoding';
import { InvalidUpdateError, type ContentKind } from './decoded-update.ts';

/**
 * Content refs as Yjs writes them in the low five bits of an item's info byte
 * (yjs/src/structs/Item.js `contentRefs`). 0 is GC and 10 is Skip: those are not item content.
 */
const CONTENT_KIND_BY_REF: readonly (ContentKind | undefined)[] = [
  undefined,
  'deleted',
  'json',
  'binary',
  'string',
  'embed',
  'format',
  'type',
  'any',
];
const CONTENT_REF_DOC = 9;
/** yjs/src/structs/ContentType.js `typeRefs`: YArray..YXmlText. XmlElement (3) and XmlHook (5) carry a name. */
const TYPE_REF_COUNT = 7;
const TYPE_REFS_WITH_KEY = new Set([3, 5]);

/** An item's decoded content: its kind and its length in clock units. */
export interface ItemContent {
  kind: ContentKind;
  length: number;
}

/**
 * Reads one item's content exactly as Yjs's `readItemContent` would (V1 encoding), keeping only
 * kind and length. Whatever Yjs would throw on (bad JSON, unknown `readAny` tag, unknown type
 * ref) throws here, so it is rejected before Yjs ever sees it.
 */
export function readItemContent(decoder: decoding.Decoder, contentRef: number): ItemContent {
  if (contentRef === CONTENT_REF_DOC) {
    throw new InvalidUpdateError('subdocuments (ContentDoc) are not supported on boards');
  }
  const kind = CONTENT_KIND_BY_REF[contentRef];
  if (kind === undefined) {
    throw new InvalidUpdateError(`unknown content ref ${contentRef}`);
  }
  return { kind, length: readContentLength(decoder, kind) };
}

function readContentLength(decoder: decoding.Decoder, kind: ContentKind): number {
  switch (kind) {
    case 'deleted':
      return decoding.readVarUint(decoder);
    case 'json':
      return readJsonList(decoder);
    case 'binary':
      decoding.readVarUint8Array(decoder);
      return 1;
    case 'string':
      // Yjs counts UTF-16 code units of the decoded string, so decode it the same way.
      return decoding.readVarString(decoder).length;
    case 'embed':
      JSON.parse(decoding.readVarString(decoder));
      return 1;
    case 'format':
      decoding.readVarString(decoder);
      JSON.parse(decoding.readVarString(decoder));
      return 1;
    case 'type':
      readTypeRef(decoder);
      return 1;
    case 'any':
      return readAnyList(decoder);
  }
}

/** ContentJSON: each entry is a JSON string, or the literal 'undefined'. */
function readJsonList(decoder: decoding.Decoder): number {
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const entry = decoding.readVarString(decoder);
    if (entry !== 'undefined') JSON.parse(entry);
  }
  return count;
}

function readAnyList(decoder: decoding.Decoder): number {
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    decoding.readAny(decoder);
    // lib0 reads some tags without a bounds check; never let the position run past the end.
    if (decoder.pos > decoder.arr.length) throw new InvalidUpdateError('truncated update');
  }
  return count;
}

function readTypeRef(decoder: decoding.Decoder): void {
  const typeRef = decoding.readVarUint(decoder);
  if (typeRef >= TYPE_REF_COUNT) {
    throw new InvalidUpdateError(`unknown type ref ${typeRef}`);
  }
  if (TYPE_REFS_WITH_KEY.has(typeRef)) decoding.readVarString(decoder);
}
