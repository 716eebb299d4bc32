import type { Lang } from './localized.js';

/**
 * Messages that graphql-js, graphql-armor and Apollo write in English only
 * (parse, validation, variable coercion, abuse limits) in the caller's
 * language. The English side is cleaned too: graphql-armor prefixes its limit
 * rejections with a misleading "Syntax Error:", and field suggestions are
 * masked (no schema discovery through "Did you mean").
 */

interface Translation {
  pattern: RegExp;
  en: (m: RegExpMatchArray) => string;
  zh: (m: RegExpMatchArray) => string;
}

const limit = (what: string, zhWhat: string): Translation => ({
  pattern: new RegExp(`^(?:Syntax Error: )?${what} limit of (\\d+) exceeded, found (\\d+(?:\\.\\d+)?)\\.?$`),
  en: (m) => `${what.charAt(0).toUpperCase()}${what.slice(1).toLowerCase()} limit of ${m[1]} exceeded (found ${Math.ceil(Number(m[2]))}).`,
  zh: (m) => `${zhWhat}超过上限 ${m[1]}（本次 ${Math.ceil(Number(m[2]))}）。`,
});

const TRANSLATIONS: Translation[] = [
  {
    // graphql-js 16 writes "more that" (sic).
    pattern: /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/,
    en: (m) => `The document contains more than ${m[1]} tokens; parsing aborted.`,
    zh: (m) => `查询文档超过 ${m[1]} 个词法单元（token），已停止解析。`,
  },
  limit('Query Cost', '查询成本'),
  limit('Query depth', '查询深度'),
  limit('Aliases', '别名数量'),
  limit('Directives', '指令数量'),
  {
    pattern: /^Syntax Error: (.*)$/s,
    en: (m) => `Syntax error: ${m[1]}`,
    zh: (m) => `语法错误：${m[1]}`,
  },
  {
    pattern: /^Cannot query field "([^"]+)" on type "([^"]+)"\.$/,
    en: (m) => m[0],
    zh: (m) => `类型 "${m[2]}" 上没有字段 "${m[1]}"。`,
  },
  {
    pattern: /^Unknown argument "([^"]+)" on field "([^"]+)"\.$/,
    en: (m) => m[0],
    zh: (m) => `字段 "${m[2]}" 没有参数 "${m[1]}"。`,
  },
  {
    pattern: /^Field "([^"]+)" argument "([^"]+)" of type "([^"]+)" is required, but it was not provided\.$/,
    en: (m) => m[0],
    zh: (m) => `字段 "${m[1]}" 缺少必填参数 "${m[2]}"（类型 ${m[3]}）。`,
  },
  {
    pattern: /^Field "([^"]+)" of type "([^"]+)" must have a selection of subfields\.$/,
    en: (m) => m[0],
    zh: (m) => `字段 "${m[1]}"（类型 ${m[2]}）必须选择子字段。`,
  },
  {
    pattern: /^Field "([^"]+)" must not have a selection since type "([^"]+)" has no subfields\.$/,
    en: (m) => m[0],
    zh: (m) => `字段 "${m[1]}"（类型 ${m[2]}）没有子字段，不能带选择集。`,
  },
  {
    pattern: /^Unknown type "([^"]+)"\.$/,
    en: (m) => m[0],
    zh: (m) => `未知类型 "${m[1]}"。`,
  },
  {
    pattern: /^Variable "(\$[^"]+)" of required type "([^"]+)" was not provided\.$/,
    en: (m) => m[0],
    zh: (m) => `缺少必填变量 ${m[1]}（类型 ${m[2]}）。`,
  },
  {
    pattern: /^Variable "(\$[^"]+)" of non-null type "([^"]+)" must not be null\.$/,
    en: (m) => m[0],
    zh: (m) => `变量 ${m[1]}（类型 ${m[2]}）不能为 null。`,
  },
  {
    pattern: /^Variable "(\$[^"]+)" got invalid value (.*)$/s,
    en: (m) => m[0],
    zh: (m) => `变量 ${m[1]} 的值无效：${m[2]}`,
  },
  {
    pattern: /^Variable "(\$[^"]+)" is never used(?: in operation "([^"]+)")?\.$/,
    en: (m) => m[0],
    zh: (m) => `变量 ${m[1]} 未被使用。`,
  },
  {
    pattern: /^Variable "(\$[^"]+)" is not defined(?: by operation "([^"]+)")?\.$/,
    en: (m) => m[0],
    zh: (m) => `变量 ${m[1]} 未声明。`,
  },
  {
    pattern: /^Expected value of type "([^"]+)", found (.*?)(?:; (.*))?\.?$/s,
    en: (m) => m[0],
    zh: (m) => `应为 ${m[1]} 类型的值，实际为 ${m[2]}${m[3] ? `（${m[3]}）` : ''}。`,
  },
  {
    pattern: /^Argument "([^"]+)" has invalid value (.*)\.$/s,
    en: (m) => m[0],
    zh: (m) => `参数 "${m[1]}" 的值 ${m[2]} 无效。`,
  },
  {
    pattern: /^Unknown operation named "([^"]+)"\.$/,
    en: (m) => m[0],
    zh: (m) => `文档中没有名为 "${m[1]}" 的操作。`,
  },
  {
    pattern: /^Must provide operation name if query contains multiple operations\.$/,
    en: (m) => m[0],
    zh: () => '文档包含多个操作时必须提供 operationName。',
  },
];

/** Field and type suggestions: masked by graphql-armor and removed here in both languages, unless kept (development). */
const SUGGESTION = /\s*(?:Did you mean [^?]*\?|\[Suggestion hidden\]\??)/g;
/** The names a kept suggestion offers. */
const OFFERED = /Did you mean ([^?]*)\?/;

/**
 * `message` (from graphql-js, graphql-armor or Apollo) in `lang`. Messages we
 * have no wording for keep their English detail behind a Chinese lead-in.
 */
export function localizeGraphqlMessage(message: string, lang: Lang, keepSuggestions = false): string {
  const clean = message.replace(SUGGESTION, '').trim();
  const offered = keepSuggestions ? message.match(OFFERED)?.[1] : undefined;
  const hint = offered ? (lang === 'en' ? ` Did you mean ${offered}?` : `是否想用 ${offered.replace(/, or |, | or /g, '、')}？`) : '';
  for (const t of TRANSLATIONS) {
    const m = clean.match(t.pattern);
    if (m) return `${lang === 'en' ? t.en(m) : t.zh(m)}${hint}`;
  }
  return `${lang === 'en' ? clean : `请求无效：${clean}`}${hint}`;
}
