import { byText, compareVersions } from './versions';

describe('compareVersions', () => {
  it('orders numerically, part by part, and a pre-release before its release', () => {
    const sorted = ['1.10.0', '1.2.0', '1.9.0', '1.10.0-rc.1', '0.9.9', '2.0.0'].sort(compareVersions);
    expect(sorted).toEqual(['0.9.9', '1.2.0', '1.9.0', '1.10.0-rc.1', '1.10.0', '2.0.0']);
  });

  it('finds equal versions equal', () => {
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0.0-beta', '1.0.0-beta')).toBe(0);
  });
});

describe('byText', () => {
  it('orders by code units, upper case before lower case, whatever the locale', () => {
    expect(['b', 'B', 'a', 'A'].sort(byText)).toEqual(['A', 'B', 'a', 'b']);
  });
});
