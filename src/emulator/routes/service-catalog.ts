import { Router } from 'express';
import { route } from '../routing';

/**
 * The Webex JS SDK (inside webex-node-bot-framework) fetches a service catalog from U2C at start
 * (`U2C_SERVICE_URL`, default u2c.wbx2.com). The emulator answers it, pointing every service at
 * itself, so a framework under test never looks up an outside host.
 */
export function serviceCatalogRoutes(): Router {
  const router = Router();
  const catalog: Parameters<typeof route>[2]['get'] = (req, res) => {
    const hydra = `${req.protocol}://${req.get('host')}/v1`;
    res.json({ serviceLinks: { hydra, hydraServiceUrl: hydra }, hostCatalog: {}, format: 'hostmap' });
  };
  route(router, '/limited/catalog', { get: catalog });
  route(router, '/catalog', { get: catalog });
  return router;
}
