import { Router } from 'express';
import { ApiError, badRequest } from '../api-error';
import type { EmulatorContext } from '../context';
import { route } from '../routing';

/** `POST /v1/access_token`: the OAuth refresh-token grant of integrations and Service Apps. */
export function accessTokenRoutes(ctx: EmulatorContext): Router {
  const router = Router();
  route(router, '/access_token', {
    post: (req, res) => {
      if (!req.is('application/x-www-form-urlencoded')) {
        throw new ApiError(415, 'Unsupported media type.', 'Send application/x-www-form-urlencoded.');
      }
      const body = (req.body ?? {}) as Record<string, unknown>;
      for (const field of ['grant_type', 'client_id', 'client_secret', 'refresh_token']) {
        if (typeof body[field] !== 'string' || body[field] === '')
          throw badRequest(`Missing required field '${field}'.`);
      }
      if (body.grant_type !== 'refresh_token') {
        throw badRequest(`Unsupported grant_type '${String(body.grant_type)}'; use 'refresh_token'.`);
      }
      const result = ctx.tokens.refresh(
        String(body.client_id),
        String(body.client_secret),
        String(body.refresh_token),
      );
      if (!result.ok) throw new ApiError(401, 'Invalid client credentials or refresh token.', result.reason);
      res.json({
        access_token: result.token,
        expires_in: result.expiresIn,
        refresh_token: String(body.refresh_token),
        refresh_token_expires_in: result.refreshExpiresIn,
        token_type: 'Bearer',
      });
    },
  });
  return router;
}
