/** A UUID in its canonical text form (any version). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What is wrong with a job payload, one problem per field; empty when it is well-formed: an object
 * with a non-empty `correlationId` and a UUID in each of `uuidFields`. Handlers turn problems into
 * an `UnrecoverableError` (a malformed payload never becomes well-formed by retrying).
 */
export function payloadProblems(data: unknown, uuidFields: readonly string[]): string[] {
  if (typeof data !== 'object' || data === null) return ['payload is not an object'];
  const fields = data as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof fields['correlationId'] !== 'string' || fields['correlationId'] === '') problems.push('correlationId must be a non-empty string');
  for (const field of uuidFields) {
    const value = fields[field];
    if (typeof value !== 'string' || !UUID_PATTERN.test(value)) problems.push(`${field} must be a UUID`);
  }
  return problems;
}
