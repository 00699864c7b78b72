import { type LoggerService } from '@nestjs/common';
import { currentCorrelationId } from './request-context';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Structured logs: one JSON object per line on stdout, with the correlation id of the request or
 * job in hand. Used by Nest (as its logger) and directly by processes.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly minLevel: Level = 'info',
    private readonly service = 'beacon',
    private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }

  /** Logs an event with structured fields: `logger.event('info', 'job.started', { jobId })`. */
  event(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
    if (ORDER[level] < ORDER[this.minLevel]) return;
    this.write(
      JSON.stringify({
        time: new Date().toISOString(),
        level,
        service: this.service,
        correlationId: currentCorrelationId(),
        msg,
        ...fields,
      }),
    );
  }

  private emit(level: Level, message: unknown, rest: unknown[]): void {
    // Nest passes the context name as the last string argument, and a stack for errors before it.
    const args = [...rest];
    const context = typeof args[args.length - 1] === 'string' ? (args.pop() as string) : undefined;
    const fields: Record<string, unknown> = { context };
    if (message instanceof Error) {
      fields['error'] = { name: message.name, message: message.message, stack: message.stack };
    } else if (message !== null && typeof message === 'object') {
      Object.assign(fields, message);
    }
    if (level === 'error' && typeof args[0] === 'string') fields['stack'] = args[0];
    const text = typeof message === 'string' ? message : message instanceof Error ? message.message : undefined;
    this.event(level, text ?? 'event', fields);
  }
}
