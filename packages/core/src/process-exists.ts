/**
 * Whether a process with this pid exists on this host: signal 0 checks
 * without sending anything. EPERM means it exists but belongs to another
 * user. Locks use it to tell a dead owner from a live one; a live pid alone
 * proves nothing (it may have been reused), so they check more than this.
 */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
