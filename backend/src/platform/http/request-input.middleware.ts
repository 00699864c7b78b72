import type { NextFunction, Request, Response } from 'express';
import { invalidRequest } from '../errors/validation';
import { inputProblems, pathProblems } from './request-input';

/**
 * Refuses, with 400 and the field, a request whose path, query or parsed body could break what
 * follows: nesting too deep for the recursive validation pipe, prototype keys, and strings that
 * PostgreSQL cannot store as sent (U+0000, lone surrogates). Registered after the body parsers and
 * before any route, so nothing downstream (guards, pipes, services, the audit log) sees such input.
 */
export function refuseUnsafeInput(req: Request, _res: Response, next: NextFunction): void {
  const problems = [...pathProblems(req.path), ...inputProblems(req.query, 'query'), ...inputProblems(req.body)];
  next(problems.length > 0 ? invalidRequest(problems) : undefined);
}
