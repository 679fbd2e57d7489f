import { loadBoardPage } from '#lib/board/load-board-page.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params, fetch, url }) => loadBoardPage(params.id, fetch, url);
