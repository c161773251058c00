import type { Request, RequestHandler, Response, Router } from 'express';
import { ApiError } from './api-error';

type Handler = (req: Request, res: Response) => void | Promise<void>;
export type MethodHandlers = Partial<Record<'get' | 'post' | 'put' | 'delete', Handler>>;

/** Registers the handlers of one path; other methods answer 405 with a Webex error body. */
export function route(router: Router, path: string, handlers: MethodHandlers): void {
  const r = router.route(path);
  for (const [method, handler] of Object.entries(handlers) as [keyof MethodHandlers, Handler][]) {
    const wrapped: RequestHandler = async (req, res) => {
      await handler(req, res);
    };
    r[method](wrapped);
  }
  const allowed = Object.keys(handlers)
    .map((m) => m.toUpperCase())
    .join(', ');
  r.all((_req, res, next) => {
    res.setHeader('Allow', allowed);
    next(
      new ApiError(
        405,
        'The request was made to a resource using an HTTP request method that is not supported.',
        `Allowed: ${allowed}.`,
      ),
    );
  });
}
