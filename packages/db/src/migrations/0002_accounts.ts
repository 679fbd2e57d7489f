import type { Migration } from './migration.ts';

/**
 * Issue 3: accounts and sessions, per-board roles, staff invites, client share links, access
 * tokens, the audit log, per-board client-view settings, and a second Yjs document per board
 * (`contacts`, guest personal data) in the update log. Every secret column holds a SHA-256 hex
 * hash computed by the caller (`@pairboard/auth`'s `hashToken`); raw tokens never reach the db.
 */
export const accounts: Migration = {
  version: 2,
  name: 'accounts',
  statements: [
    `create table users (
       id text primary key,
       email text not null,
       name text not null,
       password_hash text not null,
       created_at timestamptz not null default now()
     )`,
    // Emails are compared case-insensitively: "Ana@x.org" and "ana@x.org" are one account.
    `create unique index users_email_lower_idx on users (lower(email))`,

    // id is sha256(token): a leaked table holds no usable session.
    `create table sessions (
       id text primary key,
       user_id text not null references users (id) on delete cascade,
       expires_at timestamptz not null,
       created_at timestamptz not null default now()
     )`,
    `create index sessions_user_id_idx on sessions (user_id)`,

    `create table board_members (
       board_id text not null references boards (id) on delete cascade,
       user_id text not null references users (id) on delete cascade,
       role text not null check (role in ('owner', 'editor', 'door', 'observer')),
       position text null check (position in ('onsite', 'remote')),
       added_at timestamptz not null default now(),
       primary key (board_id, user_id)
     )`,
    // "My boards" looks members up by user.
    `create index board_members_user_id_idx on board_members (user_id)`,

    // created_by is a user id kept as plain text (no foreign key) so the record outlives the account.
    `create table board_invites (
       id text primary key,
       board_id text not null references boards (id) on delete cascade,
       token_hash text not null unique,
       role text not null check (role in ('editor', 'door', 'observer')),
       position text null check (position in ('onsite', 'remote')),
       expires_at timestamptz not null,
       created_by text null,
       created_at timestamptz not null default now(),
       revoked_at timestamptz null
     )`,
    `create index board_invites_board_id_idx on board_invites (board_id, created_at desc)`,

    `create table share_links (
       id text primary key,
       board_id text not null references boards (id) on delete cascade,
       token_hash text not null unique,
       name text not null,
       pin_hash text null,
       expires_at timestamptz null,
       created_by text null,
       created_at timestamptz not null default now(),
       revoked_at timestamptz null
     )`,
    `create index share_links_board_id_idx on share_links (board_id, created_at desc)`,

    `create table access_tokens (
       id text primary key,
       board_id text not null references boards (id) on delete cascade,
       token_hash text not null unique,
       name text not null,
       role text not null check (role in ('editor', 'observer')),
       position text null check (position in ('onsite', 'remote')),
       expires_at timestamptz null,
       created_by text null,
       created_at timestamptz not null default now(),
       revoked_at timestamptz null
     )`,
    `create index access_tokens_board_id_idx on access_tokens (board_id, created_at desc)`,

    // actor_id may name a user or an access token, so it is plain text; actor_name is copied
    // in so the entry stays readable after the actor is gone.
    `create table audit_log (
       id bigserial primary key,
       board_id text not null references boards (id) on delete cascade,
       actor_id text null,
       actor_name text null,
       action text not null,
       target text null,
       details jsonb not null default '{}'::jsonb,
       at timestamptz not null default now()
     )`,
    `create index audit_log_board_id_idx on audit_log (board_id, id desc)`,

    `alter table boards add column client_view jsonb not null
       default '{"progress":true,"attendance":true,"incidents":true,"updates":true}'::jsonb`,

    // Two Yjs documents per board: 'main' and 'contacts' (guest personal data, which door staff
    // and clients must never receive). Existing rows belong to 'main'.
    `alter table board_updates add column doc text not null default 'main'
       check (doc in ('main', 'contacts'))`,
    `alter table board_updates drop constraint board_updates_pkey`,
    `alter table board_updates add primary key (board_id, doc, seq)`,
    `alter table board_snapshots add column doc text not null default 'main'
       check (doc in ('main', 'contacts'))`,
    `alter table board_snapshots drop constraint board_snapshots_pkey`,
    `alter table board_snapshots add primary key (board_id, doc)`,
  ],
};
