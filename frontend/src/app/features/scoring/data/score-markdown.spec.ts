import { type MarkdownBlock, methodologyFor, parseInline, parseMarkdown } from './score-markdown';

describe('parseMarkdown', () => {
  it('reads headings, paragraphs, nested lists, code, quotes, tables and rules', () => {
    const blocks = parseMarkdown(
      [
        '# Scoring methodology',
        '',
        'A requirement scores the **weighted mean** of its',
        'questions, see `scoreAssessment`.',
        '',
        '- yes: 1',
        '- partial: 0.5',
        '  - nested *detail*',
        '- no: 0',
        '',
        '1. first',
        '2. second',
        '',
        '```',
        'score = sum(w * s) / sum(w)',
        '```',
        '',
        '> Note: critical requirements cap the rating.',
        '',
        '| Band | Min |',
        '| --- | ---: |',
        '| Leading | 85 |',
        '',
        '---',
      ].join('\n'),
    );
    expect(blocks).toEqual<MarkdownBlock[]>([
      { kind: 'heading', level: 1, inlines: [{ kind: 'text', text: 'Scoring methodology' }] },
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'A requirement scores the ' },
          { kind: 'strong', text: 'weighted mean' },
          { kind: 'text', text: ' of its questions, see ' },
          { kind: 'code', text: 'scoreAssessment' },
          { kind: 'text', text: '.' },
        ],
      },
      {
        kind: 'list',
        ordered: false,
        items: [
          { inlines: [{ kind: 'text', text: 'yes: 1' }], children: null },
          {
            inlines: [{ kind: 'text', text: 'partial: 0.5' }],
            children: {
              kind: 'list',
              ordered: false,
              items: [
                {
                  inlines: [
                    { kind: 'text', text: 'nested ' },
                    { kind: 'em', text: 'detail' },
                  ],
                  children: null,
                },
              ],
            },
          },
          { inlines: [{ kind: 'text', text: 'no: 0' }], children: null },
        ],
      },
      {
        kind: 'list',
        ordered: true,
        items: [
          { inlines: [{ kind: 'text', text: 'first' }], children: null },
          { inlines: [{ kind: 'text', text: 'second' }], children: null },
        ],
      },
      { kind: 'code', text: 'score = sum(w * s) / sum(w)' },
      {
        kind: 'quote',
        blocks: [{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'Note: critical requirements cap the rating.' }] }],
      },
      {
        kind: 'table',
        header: [[{ kind: 'text', text: 'Band' }], [{ kind: 'text', text: 'Min' }]],
        rows: [[[{ kind: 'text', text: 'Leading' }], [{ kind: 'text', text: '85' }]]],
      },
      { kind: 'rule' },
    ]);
  });

  it('never turns the document into markup: HTML stays text, comments go, only http(s) links link', () => {
    const blocks = parseMarkdown(
      '<!-- hidden -->\n<img src=x onerror=alert(1)> [docs](https://example.org/a) [x](javascript:alert(1)) [rel](../README.md)',
    );
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: '<img src=x onerror=alert(1)> ' },
          { kind: 'link', text: 'docs', href: 'https://example.org/a' },
          { kind: 'text', text: ' x rel' },
        ],
      },
    ]);
  });

  it('keeps underscores inside words and escaped characters as text', () => {
    expect(parseInline('not_a_word and \\*stars\\* but _this_')).toEqual([
      { kind: 'text', text: 'not_a_word and *stars* but ' },
      { kind: 'em', text: 'this' },
    ]);
  });
});

describe('methodologyFor', () => {
  const doc = [
    '# Scoring methodology',
    'English text.',
    '```',
    '# Méthodologie inside code is not a heading',
    '```',
    '# Méthodologie de calcul',
    'Texte français.',
  ].join('\n');

  it('splits the document at the first French heading', () => {
    expect(methodologyFor(doc, 'en')).toBe(
      '# Scoring methodology\nEnglish text.\n```\n# Méthodologie inside code is not a heading\n```',
    );
    expect(methodologyFor(doc, 'fr')).toBe('# Méthodologie de calcul\nTexte français.');
  });

  it('drops the language switch line and the rule that closes the English part', () => {
    const both = '# Rules\n[English](#rules) · [Français](#règles)\nText.\n\n---\n\n# Méthodologie\n[English](#rules) · [Français](#règles)\nTexte.';
    expect(methodologyFor(both, 'en')).toBe('# Rules\nText.');
    expect(methodologyFor(both, 'fr')).toBe('# Méthodologie\nTexte.');
  });

  it('recognises a "Français" heading too, and falls back to the whole document', () => {
    expect(methodologyFor('# Rules\nA\n## Français\nB', 'fr')).toBe('## Français\nB');
    expect(methodologyFor('# Rules only in English', 'fr')).toBe('# Rules only in English');
  });
});
