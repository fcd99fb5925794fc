import { describe, expect, test } from 'vitest';
import { phrasebookJsonSchema } from '../../lib/phrasebook/json-schema';
import { renderRulesMarkdown } from '../../lib/phrasebook/rules-md';
import type { Entry } from '../../lib/phrasebook/schema';

const entry = (id: string, more: Partial<Entry>): Entry => ({
  id, avoid: ['calm down'], prefer: ['I hear you'], why: 'It dismisses the feeling.', severity: 'risk', source: 'seed 001', locale: 'en', category: 'empathise', ...more,
});

describe('generated files', () => {
  test('rules.md groups by locale then category, in schema order, with conditions', () => {
    const md = renderRulesMarkdown([
      entry('z-sv', { locale: 'sv', category: 'blame', avoid: ['lugna dig'] }),
      entry('b-en', { category: 'blame', when: { tones: ['angry', 'frustrated'], channel: 'chat' } }),
      entry('a-en', { prefer: ['I hear you', 'That sounds `hard`'] }),
    ]);
    expect(md).toContain('3 entries.');
    const order = ['## English (en)', '### empathise', '**a-en**', '### blame', '**b-en**', '## Swedish (sv)', '**z-sv**'].map((s) => md.indexOf(s));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(md).toContain('- **b-en** (risk): avoid `calm down`\n  - prefer: “I hear you”\n  - why: It dismisses the feeling.\n  - only when: tone angry or frustrated; channel chat\n  - source: seed 001');
    expect(md).toContain('“That sounds `hard`”');
    expect(md.endsWith('\n')).toBe(true);
  });

  test('the JSON Schema is derived from zod and names every field', () => {
    const schema = JSON.parse(phrasebookJsonSchema());
    expect(schema.required).toEqual(['locale', 'category', 'entries']);
    const item = schema.properties.entries.items;
    expect(Object.keys(item.properties)).toEqual(['id', 'avoid', 'prefer', 'why', 'severity', 'unless', 'when', 'source', 'tests']);
    expect(item.properties.id.pattern).toBe('^[a-z0-9]+(?:-[a-z0-9]+)*$');
    expect(item.additionalProperties).toBe(false);
  });
});
