/**
 * Ends this process when the one that started it dies (checked twice a second), so a crashed or
 * killed bench run leaves no servers behind.
 */
export function exitWithParent() {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.exit(1);
  }, 500).unref();
}
