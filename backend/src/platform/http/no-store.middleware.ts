import type { NextFunction, Request, Response } from 'express';

/** API answers are per user and per moment: no browser or shared cache may keep them. */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
