import type { INestApplication } from '@nestjs/common';
import type { ErrorResponse } from '@beacon/contracts';
import { freePort, http, PrivateRedis, startApi } from '../../../test/harness';

let lastOctet = 0;
/** A client address (TEST-NET-3, believed from loopback through X-Forwarded-For) no other test uses. */
const newAddress = () => `203.0.113.${++lastOctet}`;
const prefix = (name: string) => `${process.env['QUEUE_PREFIX']}-${name}`;

/** The public report verification's per-address limit (counters in Redis). */
describe('public report verification limit (real Redis)', () => {
  it('is limited per client address with 429, Retry-After and the error shape, before the upload is read', async () => {
    const api: INestApplication = await startApi({ QUEUE_PREFIX: prefix('verify-limit'), REPORT_VERIFY_MAX_PER_IP: '2', REPORT_VERIFY_MAX_BYTES: '1024' });
    try {
      const verify = (address: string, bytes = Buffer.from('not a report')) =>
        http(api).post('/api/v1/reports/verify').set('x-forwarded-for', address).attach('file', bytes, { filename: 'report.pdf', contentType: 'application/pdf' });
      const address = newAddress();
      for (let i = 0; i < 2; i++) expect((await verify(address)).body).toEqual({ valid: false });
      // Larger than REPORT_VERIFY_MAX_BYTES: a 413 would mean the body was read first.
      const limited = await verify(address, Buffer.alloc(4096, 1));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      const body = limited.body as ErrorResponse;
      expect(body.code).toBe('TOO_MANY_VERIFICATIONS');
      expect(body.correlationId).toBe(limited.headers['x-correlation-id']);
      expect(body.message).toMatch(/Try again in \d+ seconds/);
      // Another address is not affected.
      expect((await verify(newAddress())).status).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('answers 503 with Retry-After while Redis is down (the counters cannot be checked)', async () => {
    const redis = new PrivateRedis(await freePort());
    await redis.start();
    const outage = await startApi({ REDIS_URL: redis.url, QUEUE_PREFIX: prefix('verify-outage') });
    try {
      await redis.stop();
      const res = await http(outage).post('/api/v1/reports/verify').attach('file', Buffer.from('x'), { filename: 'r.pdf' }).expect(503);
      expect((res.body as ErrorResponse).code).toBe('VERIFICATION_UNAVAILABLE');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      // Closing waits for Redis: bring it back first.
      await redis.start();
      await outage.close();
      await redis.stop();
    }
  });
});
