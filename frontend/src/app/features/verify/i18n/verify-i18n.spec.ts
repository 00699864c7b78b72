import { leaves, placeholders } from '../../../core/i18n/testing';
import { verifyEn } from './verify-en';
import { verifyFr } from './verify-fr';

describe('verification page texts', () => {
  it('have the same keys, no empty text and the same placeholders in English and French', () => {
    const english = new Map(leaves(verifyEn));
    const french = new Map(leaves(verifyFr));
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
    expect([...english, ...french].filter(([, text]) => text.trim() === '')).toEqual([]);
    for (const [key, text] of english)
      expect([key, placeholders(french.get(key) ?? '')]).toEqual([key, placeholders(text)]);
  });
});
