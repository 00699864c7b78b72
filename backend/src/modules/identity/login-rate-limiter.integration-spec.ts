import { AppConfig } from '../../platform/config/app-config';
import { parseEnvironment } from '../../platform/config/environment';
import { QueueProducer } from '../../platform/queue/queue-producer';
import { JobCatalog } from '../../platform/queue/jobs';
import { JOBS } from '../../jobs';
import { RateLimiter } from '../../platform/rate-limit/rate-limiter';
import { LoginRateLimiter } from './login-rate-limiter';

/** What counts and what is given back, on the real Redis (one key prefix per run of this file). */
describe('LoginRateLimiter (real Redis)', () => {
  let producer: QueueProducer;
  let limiter: LoginRateLimiter;
  let run = 0;
  const email = () => `limits-${process.pid}-${++run}@example.test`;

  beforeAll(() => {
    const config = new AppConfig(parseEnvironment({ ...process.env, QUEUE_PREFIX: `${process.env['QUEUE_PREFIX']}-limiter-${Date.now()}`, LOGIN_MAX_FAILURES_PER_IP: '20' }));
    producer = new QueueProducer(config, new JobCatalog(JOBS));
    limiter = new LoginRateLimiter(new RateLimiter(producer, config), config);
  });
  afterAll(async () => {
    await producer.onApplicationShutdown();
  });

  const wrong = () => Promise.resolve({ valid: false });
  const right = () => Promise.resolve({ valid: true });

  it('keeps wrong passwords counted and refuses the sixth check without running it', async () => {
    const account = email();
    for (let i = 0; i < 5; i++) await limiter.passwordCheck(account, '198.51.100.1', wrong);
    const check = jest.fn(right);
    await expect(limiter.passwordCheck(account, '198.51.100.1', check)).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(check).not.toHaveBeenCalled();
  });

  it('gives the count back when the check succeeds or cannot answer (e.g. the database is unavailable)', async () => {
    const account = email();
    const unavailable = () => Promise.reject(new Error('database unavailable'));
    for (let i = 0; i < 8; i++) await expect(limiter.passwordCheck(account, '198.51.100.2', unavailable)).rejects.toThrow('database unavailable');
    for (let i = 0; i < 8; i++) await limiter.passwordCheck(account, '198.51.100.2', right);
    // Neither left a failure behind: five wrong passwords are still allowed.
    for (let i = 0; i < 5; i++) expect(await limiter.passwordCheck(account, '198.51.100.2', wrong)).toEqual({ valid: false });
  });

  it('forgets an account’s failures from an address after a success there', async () => {
    const account = email();
    for (let i = 0; i < 4; i++) await limiter.passwordCheck(account, '198.51.100.3', wrong);
    await limiter.passwordCheck(account, '198.51.100.3', right);
    for (let i = 0; i < 5; i++) expect(await limiter.passwordCheck(account, '198.51.100.3', wrong)).toEqual({ valid: false });
  });

  it('counts account probes per address only when the e-mail is taken', async () => {
    const address = '198.51.100.4';
    for (let i = 0; i < 25; i++) expect(await limiter.accountProbe(address, () => Promise.resolve(false))).toBe(false);
    for (let i = 0; i < 20; i++) expect(await limiter.accountProbe(address, () => Promise.resolve(true))).toBe(true);
    await expect(limiter.accountProbe(address, () => Promise.resolve(false))).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
  });
});
