import { formatBytes, shortHash } from './format';

describe('file formatting', () => {
  it('shortens a SHA-256 to its first 12 digits', () => {
    expect(shortHash('b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9')).toBe(
      'b94d27b9934d',
    );
  });

  it('formats sizes with decimal units in the active language', () => {
    expect(formatBytes(812, 'en')).toBe('812 B');
    expect(formatBytes(14_200, 'en')).toBe('14.2 kB');
    expect(formatBytes(3_100_000, 'fr')).toBe('3,1 MB');
  });
});
