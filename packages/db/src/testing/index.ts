export { openTestDatabase, randomTestId } from './open-test-database.ts';
