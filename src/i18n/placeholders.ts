import type { LocalizedText } from './localized.js';

/**
 * The placeholders of a message (`{age}`), by the value they take: a language's own rendering of one value
 * (`{statusZh}` / `{statusEn}`) counts as that value (`status`).
 */
export function placeholdersOf(message: string): Set<string> {
  return new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/(Zh|En)$/, '')));
}

/**
 * Why the zh-CN and en sides of a message cannot be filled from the same values (a `{agee}` typo on one side
 * reaches the customer as literal braces); null when they name the same values.
 */
export function placeholderMismatch(m: LocalizedText): string | null {
  const zh = placeholdersOf(m['zh-CN']);
  const en = placeholdersOf(m.en);
  const onlyZh = [...zh].filter((p) => !en.has(p));
  const onlyEn = [...en].filter((p) => !zh.has(p));
  if (onlyZh.length === 0 && onlyEn.length === 0) return null;
  const list = (ps: string[]) => ps.map((p) => `{${p}}`).join(', ');
  return [onlyZh.length ? `zh-CN only: ${list(onlyZh)}` : '', onlyEn.length ? `en only: ${list(onlyEn)}` : ''].filter(Boolean).join('; ');
}
