import { describe, expect, it } from 'vitest';
import { installedPlugins } from '../plugins/index.js';
import { placeholderMismatch } from '../src/i18n/placeholders.js';
import { text } from '../src/i18n/localized.js';
import { coreRules } from '../src/suitability/rules/core/index.js';

// A customer reads a reason in zh-CN or en: both must be filled from the same values.
describe('message placeholders', () => {
  it('names what only one language has, and accepts a value rendered per language', () => {
    expect(placeholderMismatch(text('年龄 {agee} 岁', 'Age {age}'))).toBe('zh-CN only: {agee}; en only: {age}');
    expect(placeholderMismatch(text('金额 {amount}', 'Amount'))).toBe('zh-CN only: {amount}');
    expect(placeholderMismatch(text('状态 {statusZh}（{status}）', 'Status {statusEn} ({status})'))).toBeNull();
  });

  it('every reason of the host and of every installed line names the same placeholders in both languages', () => {
    const rules = [...coreRules, ...installedPlugins.flatMap((p) => p.rules ?? [])];
    const bad = rules.flatMap((r) => Object.entries(r.reasons).flatMap(([code, d]) => (placeholderMismatch(d.message) ? [`${r.id} ${code}`] : [])));
    expect(bad).toEqual([]);
    expect(rules.length).toBeGreaterThan(40);
  });
});
