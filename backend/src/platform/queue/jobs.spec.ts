import { JobCatalog, queueOf } from './jobs';

// Names outside the application's own, typed as its names for the test.
const declare = (list: { name: string; subscribesTo?: string[] }[]) => new JobCatalog(list as never);

describe('JobCatalog', () => {
  it('derives the queues from the context part of the job names, once each', () => {
    const catalog = declare([{ name: 'alpha.one' }, { name: 'alpha.two' }, { name: 'beta.one' }]);
    expect(catalog.queues).toEqual(['alpha', 'beta']);
    expect(catalog.isJobName('alpha.two')).toBe(true);
    expect(catalog.isJobName('gamma.one')).toBe(false);
  });

  it('starts one job per subscriber of an event, and none for an event nobody subscribes to', () => {
    const catalog = declare([
      { name: 'alpha.after-thing', subscribesTo: ['thing.happened'] },
      { name: 'beta.after-thing', subscribesTo: ['thing.happened', 'other.happened'] },
      { name: 'beta.plain' },
    ]);
    expect(catalog.subscribers('thing.happened' as never)).toEqual(['alpha.after-thing', 'beta.after-thing']);
    expect(catalog.subscribers('other.happened' as never)).toEqual(['beta.after-thing']);
    expect(catalog.subscribers('nobody.listens' as never)).toEqual([]);
  });

  it('refuses a job declared twice', () => {
    expect(() => declare([{ name: 'alpha.one' }, { name: 'alpha.one' }])).toThrow(/declared twice: alpha.one/);
  });
});

describe('queueOf', () => {
  it('is the part before the first dot', () => {
    expect(queueOf('reports.queue-default-reports')).toBe('reports');
  });

  it('refuses a name without a context part', () => {
    expect(() => queueOf('render')).toThrow(/<queue>.<action>/);
    expect(() => queueOf('.render')).toThrow(/<queue>.<action>/);
  });
});
