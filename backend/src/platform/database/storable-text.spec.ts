import { escapeUnstorable, toStorableText, unstorableReason } from './storable-text';

describe('storable text', () => {
  const samples = ['plain', 'é 🛡️ 中文', 'a\udfffb', '\ud800', 'x\ud83d\ud83d\ude00', '\ude00\ud83d'];

  it('replaces lone surrogates exactly as the driver does when it encodes UTF-8', () => {
    for (const text of samples) expect(toStorableText(text)).toBe(Buffer.from(text, 'utf8').toString('utf8'));
  });

  it('replaces U+0000, which PostgreSQL refuses, too', () => {
    expect(toStorableText('a\u0000b')).toBe('a\ufffdb');
  });

  it('says why a text cannot be stored, and escapes it for display', () => {
    expect(unstorableReason('fine 🛡️')).toBeUndefined();
    expect(unstorableReason('a\u0000')).toContain('U+0000');
    expect(unstorableReason('a\udfff')).toContain('surrogate');
    expect(escapeUnstorable('a\u0000b\udfff🛡️')).toBe('a\\u0000b\\udfff🛡️');
  });
});
