import { type Dictionary } from '../../../core/i18n/translations';
import { scoreEn } from './score-en';
import { scoreFr } from './score-fr';

function leaves(dictionary: Dictionary, prefix = ''): [string, string][] {
  return Object.entries(dictionary).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('score texts', () => {
  it('have the same keys, no empty text and the same placeholders in English and French', () => {
    const english = new Map(leaves(scoreEn));
    const french = new Map(leaves(scoreFr));
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
    expect([...english, ...french].filter(([, text]) => text.trim() === '')).toEqual([]);
    for (const [key, text] of english)
      expect([key, placeholders(french.get(key) ?? '')]).toEqual([key, placeholders(text)]);
  });
});
