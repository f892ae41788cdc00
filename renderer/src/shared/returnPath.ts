/** Where to go after logging in: the page a reload left (`next`), if it is a workbench page of this app, else 工作台. */
export function returnPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  const path = next.split(/[?#]/)[0]!;
  return ['/login', '/setup', '/problem', '/recover'].includes(path) ? '/' : next;
}
