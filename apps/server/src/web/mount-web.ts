import type { Express, RequestHandler } from 'express';
import type { Logger } from '../logger.ts';

/**
 * Mounts the SvelteKit app (adapter-node handler) after the API routes. The handler exists only
 * after `npm run build`; without it the server still serves the API and sync endpoint and says
 * how to get the web app.
 */
export async function mountWebApp(app: Express, logger: Logger): Promise<void> {
  try {
    // A variable specifier: the build output may not exist, so it must not be resolved at type-check time.
    const specifier = '@pairboard/web/handler';
    const module = (await import(specifier)) as { handler: RequestHandler };
    app.use(module.handler);
  } catch (error) {
    logger.warn({ err: (error as Error).message }, 'web app not built; run `npm run build` to serve it');
    app.use((_req, res) => {
      res.status(503).type('text/plain').send('The Pairboard web app is not built yet. Run `npm run build`.');
    });
  }
}
