import { Injectable } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { JOB_HANDLER_METADATA, type JobHandler } from './job-handler';
import { JobCatalog, type JobName } from './jobs';

export class JobHandlerRegistryError extends Error {}

/**
 * Finds every `@HandlesJobs` provider and checks that each job name has exactly one handler.
 * The worker refuses to start otherwise (a job nobody handles would wait forever).
 */
@Injectable()
export class JobHandlerRegistry {
  private handlers = new Map<JobName, JobHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly catalog: JobCatalog,
  ) {}

  load(): void {
    const found = new Map<JobName, { handler: JobHandler; owner: string }[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const metatype = wrapper.metatype;
      const instance: unknown = wrapper.instance;
      if (!metatype || !instance || typeof metatype !== 'function') continue;
      const names = this.reflector.get<JobName[] | undefined>(JOB_HANDLER_METADATA, metatype);
      if (!names) continue;
      for (const name of names) {
        const list = found.get(name) ?? [];
        list.push({ handler: instance as JobHandler, owner: metatype.name });
        found.set(name, list);
      }
    }
    this.handlers = checkHandlers(found, this.catalog.names);
  }

  get(name: JobName): JobHandler {
    const handler = this.handlers.get(name);
    if (!handler) throw new JobHandlerRegistryError(`No handler for job ${name}`);
    return handler;
  }
}

/** Pure check, exported for unit tests: every known name once, no unknown names. */
export function checkHandlers(
  found: Map<string, { handler: JobHandler; owner: string }[]>,
  known: readonly string[],
): Map<JobName, JobHandler> {
  const problems: string[] = [];
  for (const name of known) {
    const list = found.get(name) ?? [];
    if (list.length === 0) problems.push(`job "${name}" has no handler`);
    if (list.length > 1) problems.push(`job "${name}" has ${list.length} handlers (${list.map((h) => h.owner).join(', ')})`);
  }
  for (const name of found.keys()) {
    if (!known.includes(name)) problems.push(`handler for unknown job "${name}"`);
  }
  if (problems.length > 0) throw new JobHandlerRegistryError(`Job handlers are inconsistent: ${problems.join('; ')}`);
  return new Map([...found].map(([name, list]) => [name as JobName, list[0]!.handler]));
}
