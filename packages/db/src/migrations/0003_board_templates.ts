import type { Migration } from './migration.ts';

/**
 * Issue 5: organisation templates. A user saves a board they own as a template and creates
 * boards from it later. `content` is the template's checklists, sections and items as JSON
 * (sync-core's `TemplateContent`, parsed by the server on the way out); it never holds people,
 * guests or incidents. Templates belong to the user who saved them: accounts are the
 * organisation boundary until there are organisations of their own.
 */
export const boardTemplates: Migration = {
  version: 3,
  name: 'board_templates',
  statements: [
    // source_board_id is plain text (no foreign key): a template outlives the board it came from.
    `create table board_templates (
       id text primary key,
       owner_id text not null references users (id) on delete cascade,
       name text not null,
       description text not null default '',
       language text not null check (language in ('zh-CN', 'en')),
       content jsonb not null,
       source_board_id text null,
       created_at timestamptz not null default now()
     )`,
    `create index board_templates_owner_id_idx on board_templates (owner_id, created_at desc)`,
  ],
};
