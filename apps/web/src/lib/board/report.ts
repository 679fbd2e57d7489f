import type { OpResult } from '@pairboard/sync-core';
import { BoardOperationError, handleError } from '../errors.ts';
import { i18n } from '../i18n/i18n.svelte.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { NOT_READY_MESSAGE } from './not-ready.ts';

const OP_MESSAGES: Record<string, MessageKey> = {
  not_found: 'errors.op.not_found',
  invalid_state: 'errors.op.invalid_state',
  not_allowed: 'errors.op.not_allowed',
  invalid_input: 'errors.op.invalid_input',
};

/**
 * Shows why a board operation was refused and returns whether it succeeded, so a handler
 * reads `if (succeeded(connection.addItem(title))) title = ''`.
 */
export function succeeded(result: OpResult<unknown>): boolean {
  if (result.ok) return true;
  const { code, message } = result.error;
  const key = message === NOT_READY_MESSAGE ? 'errors.notReady' : (OP_MESSAGES[code] ?? 'errors.generic');
  handleError(new BoardOperationError(code, message), i18n.t(key));
  return false;
}
