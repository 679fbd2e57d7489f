export { openTestDatabase, randomTestId } from './open-test-database.ts';
export { ensurePgliteTemplate, freshPgliteDataDir, pgliteTemplateDir } from './pglite-template.ts';
export { createScratchDatabase } from './scratch-database.ts';
