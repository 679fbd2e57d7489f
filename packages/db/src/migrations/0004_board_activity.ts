import type { Migration } from './migration.ts';

/**
 * Issue 5: the activity feed, "who changed what and when" on a board. Rows are derived by the
 * server from each accepted update right after its append commits; they outlive compaction,
 * which deletes the updates themselves. `seq` is the update's sequence number (several rows may
 * share one). `actor_id` is a user id, an access token id or 'server'; the name is copied in so
 * the row stays readable after the account is gone.
 */
export const boardActivity: Migration = {
  version: 4,
  name: 'board_activity',
  statements: [
    `create table board_activity (
       id bigserial primary key,
       board_id text not null references boards (id) on delete cascade,
       seq bigint not null,
       actor_id text null,
       actor_name text null,
       at timestamptz not null,
       list text not null,
       entity_id text not null,
       action text not null,
       label text not null default '',
       detail text not null default ''
     )`,
    // The feed reads newest first per board, optionally one list or one actor at a time.
    `create index board_activity_board_idx on board_activity (board_id, id desc)`,
    `create index board_activity_actor_idx on board_activity (board_id, actor_id, id desc)`,
  ],
};
