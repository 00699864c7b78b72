import type { JobHandler } from './job-handler';
import { JOBS } from '../../jobs';
import { checkHandlers, JobHandlerRegistryError } from './job-handler-registry';
import { JobCatalog } from './jobs';

const handler: JobHandler = { handle: () => Promise.resolve() };
const entry = (owner: string) => ({ handler, owner });

describe('checkHandlers', () => {
  const known = ['a.one', 'b.two'];

  it('accepts exactly one handler per job name', () => {
    const map = checkHandlers(new Map([['a.one', [entry('A')]], ['b.two', [entry('B')]]]), known);
    expect([...map.keys()].sort()).toEqual(known);
  });

  it('refuses a job without handler, a job with two, and a handler for an unknown job', () => {
    const found = new Map([
      ['a.one', [entry('A'), entry('A2')]],
      ['c.three', [entry('C')]],
    ]);
    expect(() => checkHandlers(found, known)).toThrow(JobHandlerRegistryError);
    expect(() => checkHandlers(found, known)).toThrow(/"b.two" has no handler.*"a.one" has 2 handlers \(A, A2\)|"a.one" has 2 handlers \(A, A2\).*"b.two" has no handler/);
    expect(() => checkHandlers(found, known)).toThrow(/unknown job "c.three"/);
  });

  it('covers every job name of the application', () => {
    // The real registry of names: a missing handler for any of them fails.
    const names = new JobCatalog(JOBS).names;
    expect(() => checkHandlers(new Map(), names)).toThrow(/scoring.status-probe/);
    expect(() => checkHandlers(new Map(), names)).toThrow(/reports.queue-default-reports/);
  });
});
