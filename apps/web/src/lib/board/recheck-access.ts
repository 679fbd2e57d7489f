import { getBoard, type BoardSummary } from '../api/boards.ts';
import { ApiError } from '../errors.ts';

/**
 * After the server closed the board with 4403: am I still a member? The server also closes
 * sockets when an owner changes my role, so that I reconnect with the new one; then this returns
 * the board with my new role. Null when I no longer have access (removed, or the board is gone).
 */
export async function recheckAccess(boardId: string): Promise<BoardSummary | null> {
  try {
    return await getBoard(boardId);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
    throw error;
  }
}
