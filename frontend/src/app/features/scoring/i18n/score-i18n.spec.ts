import { leaves, placeholders } from '../../../core/i18n/testing';
import { scoreEn } from './score-en';
import { scoreFr } from './score-fr';

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
