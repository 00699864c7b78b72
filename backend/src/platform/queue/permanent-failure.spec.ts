import { UnrecoverableError } from 'bullmq';
import { isPermanentFailure } from './worker-runtime';

describe('isPermanentFailure (the one rule for a job that ends for good)', () => {
  const job = (attemptsMade: number, attempts?: number) => ({ attemptsMade, opts: { attempts } });

  it('ends an unrecoverable error at once, whatever the attempt', () => {
    expect(isPermanentFailure(new UnrecoverableError('bad payload'), job(0, 5))).toBe(true);
  });

  it('retries any other error until the last attempt', () => {
    expect(isPermanentFailure(new Error('database restarting'), job(0, 3))).toBe(false);
    expect(isPermanentFailure(new Error('database restarting'), job(1, 3))).toBe(false);
    expect(isPermanentFailure(new Error('database restarting'), job(2, 3))).toBe(true);
  });

  it('treats a job without retries as on its last attempt', () => {
    expect(isPermanentFailure(new Error('x'), job(0))).toBe(true);
  });
});
