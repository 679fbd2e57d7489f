import type { Migration } from './migration.ts';
import { initial } from './0001_initial.ts';
import { accounts } from './0002_accounts.ts';
import { boardTemplates } from './0003_board_templates.ts';
import { boardActivity } from './0004_board_activity.ts';
import { leases } from './0005_leases.ts';

/** Every migration, in version order. Append new ones here. */
export const MIGRATIONS: readonly Migration[] = [initial, accounts, boardTemplates, boardActivity, leases];
