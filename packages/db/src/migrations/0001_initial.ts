import type { Migration } from './migration.ts';

/** Boards and their append-only Yjs update log, plus one compacted snapshot per board. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  statements: [
    `create table boards (
       id text primary key,
       name text not null,
       created_at timestamptz not null default now()
     )`,
    // Newest-first listing.
    `create index boards_created_at_idx on boards (created_at desc, id)`,
    // (board_id, seq) is the primary key so a second writer reusing a seq fails instead of
    // overwriting: the log is append-only.
    `create table board_updates (
       board_id text not null references boards (id) on delete cascade,
       seq bigint not null,
       bytes bytea not null,
       author text null,
       created_at timestamptz not null default now(),
       primary key (board_id, seq)
     )`,
    `create table board_snapshots (
       board_id text primary key references boards (id) on delete cascade,
       upto_seq bigint not null,
       bytes bytea not null,
       updated_at timestamptz not null default now()
     )`,
  ],
};
