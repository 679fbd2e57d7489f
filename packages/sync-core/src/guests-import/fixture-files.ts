/*
 * Test support: the bytes of a file in packages/sync-core/fixtures. Vite cannot import a binary
 * file as bytes, and sync-core's import boundary bans `node:*` (the package runs in browsers),
 * so tests reach the file system through `process.getBuiltinModule`, which only exists under
 * Node. Not exported from the package.
 */
export function readFixture(name: string): Uint8Array {
  const fs = process.getBuiltinModule('node:fs');
  return new Uint8Array(fs.readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));
}
