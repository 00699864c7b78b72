/**
 * What the audit log needs to know about the people who acted: their e-mail address, for the
 * list. Identity provides it (the audit log is below identity and may not import it).
 */
export interface ActorDirectory {
  /** E-mail addresses of the given users visible in the current transaction, by user id. */
  emailsOf(userIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

export const ACTOR_DIRECTORY = Symbol('ACTOR_DIRECTORY');
