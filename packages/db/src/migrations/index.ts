import type { Migration } from './migration.ts';
import { initial } from './0001_initial.ts';

/** Every migration, in version order. Append new ones here. */
export const MIGRATIONS: readonly Migration[] = [initial];
