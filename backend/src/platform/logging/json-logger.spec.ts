import { JsonLogger } from './json-logger';
import { runWithContext } from './request-context';

describe('JsonLogger', () => {
  it('writes one JSON object per line with the correlation id in context', () => {
    const lines: string[] = [];
    const logger = new JsonLogger('info', 'beacon-test', (line) => lines.push(line));
    runWithContext({ correlationId: 'corr-1' }, () => logger.event('info', 'job.started', { jobId: 'outbox-1' }));
    logger.debug('hidden below the minimum level');
    logger.error(new Error('boom'), 'SomeContext');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(first).toMatchObject({ level: 'info', service: 'beacon-test', correlationId: 'corr-1', msg: 'job.started', jobId: 'outbox-1' });
    const second = JSON.parse(lines[1]!) as Record<string, unknown>;
    expect(second).toMatchObject({ level: 'error', msg: 'boom', context: 'SomeContext' });
  });
});
