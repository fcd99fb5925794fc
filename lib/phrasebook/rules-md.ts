import { STATED_TIME } from './engine';
import { CATEGORIES, LOCALES, type Entry } from './schema';

// phrasebook/rules.md: the phrasebook as a person reads it, generated so it never drifts from
// the data (scripts/gen-phrasebook.ts writes it, a test checks it is current).

const LOCALE_NAMES: Record<string, string> = { en: 'English', zh: 'Chinese', sv: 'Swedish' };
const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';

export function renderRulesMarkdown(entries: readonly Entry[]): string {
  const lines = [
    '# Phrasebook rules',
    '',
    '<!-- Generated from phrasebook/<locale>/<category>.json by scripts/gen-phrasebook.ts; edit the JSON, not this file. -->',
    '',
    `${entries.length} entries. Each says what to avoid in a reply, what to write instead, and why.`,
    '',
  ];
  for (const locale of LOCALES) {
    const mine = entries.filter((e) => e.locale === locale);
    if (!mine.length) continue;
    lines.push(`## ${LOCALE_NAMES[locale] ?? locale} (${locale})`, '');
    for (const category of CATEGORIES) {
      const group = mine.filter((e) => e.category === category).sort((a, b) => (a.id < b.id ? -1 : 1));
      if (!group.length) continue;
      lines.push(`### ${category}`, '');
      for (const e of group) {
        lines.push(`- **${e.id}** (${e.severity}): avoid ${e.avoid.map(code).join(', ')}`);
        lines.push(`  - prefer: ${e.prefer.map((p) => `“${p}”`).join(' / ')}`);
        lines.push(`  - why: ${e.why}`);
        if (e.unless?.length) lines.push(`  - not in a sentence with: ${e.unless.map((u) => (u === STATED_TIME ? `a stated time (${code(u)})` : code(u))).join(', ')}`);
        const when = e.when && [
          e.when.tones && `tone ${e.when.tones.join(' or ')}`,
          e.when.types && `customer ${e.when.types.join(' or ')}`,
          e.when.channel && `channel ${e.when.channel}`,
        ].filter(Boolean);
        if (when?.length) lines.push(`  - only when: ${when.join('; ')}`);
        lines.push(`  - source: ${e.source}`);
      }
      lines.push('');
    }
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}
