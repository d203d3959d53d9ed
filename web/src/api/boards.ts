/** Boards of pinned answers and share links (/api/boards, /api/shares; server/src/http/routes/boards.ts). */
import { lang } from '../i18n/i18n.ts';
import { api, query } from './client.ts';
import type { Answer, Intent, SemanticQuery } from './types.ts';

export const BOARD_PERIODS = ['last_month', 'last_quarter', 'last_12_months', 'year_to_date'] as const;
export type BoardPeriod = (typeof BOARD_PERIODS)[number];

export interface BoardCard {
  id: string;
  title: string;
  model: string;
  intent: string;
  query: SemanticQuery;
  position: number;
  width: 1 | 2;
}

export interface Board {
  id: string;
  title: string;
  shared: boolean;
  period: BoardPeriod | null;
  ownerName: string;
  mine: boolean;
  cardCount: number;
  cards?: BoardCard[];
}

/** What gets pinned or shared: the answer's governed interpretation, never its rows. */
export interface PinnedQuery {
  title: string;
  model: string;
  query: SemanticQuery;
  intent: Intent;
}

export interface ShareLink {
  token: string;
  kind: 'answer' | 'board';
  title: string;
  sharedBy: string;
  board?: Board;
}

const enc = encodeURIComponent;

export const listBoards = () => api<{ boards: Board[] }>('GET', '/api/boards').then((r) => r.boards);
export const createBoard = (title: string, shared = false) =>
  api<Board>('POST', '/api/boards', { title, shared });
export const getBoard = (id: string, share?: string) =>
  api<Board>('GET', `/api/boards/${enc(id)}${query({ share })}`);
export const updateBoard = (
  id: string,
  patch: { title?: string; shared?: boolean; period?: BoardPeriod | null },
) => api<Board>('PATCH', `/api/boards/${enc(id)}`, patch);
export const deleteBoard = (id: string) => api<void>('DELETE', `/api/boards/${enc(id)}`);
export const pinToBoard = (boardId: string, pinned: PinnedQuery) =>
  api<BoardCard>('POST', `/api/boards/${enc(boardId)}/cards`, pinned);
export const changeCard = (
  boardId: string,
  cardId: string,
  change: { move?: 'up' | 'down'; width?: 1 | 2 },
) => api<Board>('PATCH', `/api/boards/${enc(boardId)}/cards/${enc(cardId)}`, change);
export const unpinCard = (boardId: string, cardId: string) =>
  api<void>('DELETE', `/api/boards/${enc(boardId)}/cards/${enc(cardId)}`);
/** A card's answer computed for the signed-in viewer (their own row-level access). */
export const cardAnswer = (
  boardId: string,
  cardId: string,
  options: { period?: string; share?: string } = {},
) =>
  api<Answer>(
    'GET',
    `/api/boards/${enc(boardId)}/cards/${enc(cardId)}/answer${query({ ...options, language: lang() })}`,
  );

export const shareAnswer = (pinned: PinnedQuery) =>
  api<{ token: string; path: string }>('POST', '/api/shares', { kind: 'answer', ...pinned });
export const shareBoard = (boardId: string) =>
  api<{ token: string; path: string }>('POST', '/api/shares', { kind: 'board', boardId });
export const openShare = (token: string) => api<ShareLink>('GET', `/api/shares/${enc(token)}`);
export const sharedAnswer = (token: string) =>
  api<Answer>('GET', `/api/shares/${enc(token)}/answer${query({ language: lang() })}`);

/** The full URL of a share link's hash path. */
export function shareUrl(path: string): string {
  return `${location.origin}${location.pathname}${path}`;
}
