/** Languages finmart answers in; zh-CN is the default. */
export type Lang = 'zh-CN' | 'en';

/** A user-facing text in both languages. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

/** Builds a {@link LocalizedText}. */
export const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** Picks the language from an Accept-Language header: `en*` first → en, otherwise zh-CN. */
export function langFromHeader(header: string | undefined | null): Lang {
  if (!header) return 'zh-CN';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
