/** A person's name as an inspector may see it: the first character, the rest hidden (张三丰 → 张**). */
export function maskName(name: string): string {
  const characters = [...name.trim()];
  return characters.length === 0 ? '' : `${characters[0]}${'*'.repeat(Math.max(1, characters.length - 1))}`;
}
