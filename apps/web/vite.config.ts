import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import { defineConfig } from 'vite';

/**
 * In development the API, Socket.IO and the Yjs sync endpoint live on the Pairboard server
 * (apps/server, port 3000 unless PAIRBOARD_DEV_SERVER says otherwise); Vite proxies them so
 * the browser sees one origin, as in production.
 */
const SERVER_ORIGIN = process.env.PAIRBOARD_DEV_SERVER ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [sveltekit({ adapter: adapter() })],
  server: {
    proxy: {
      '/api': { target: SERVER_ORIGIN },
      '/socket.io': { target: SERVER_ORIGIN, ws: true },
      '/yjs': { target: SERVER_ORIGIN, ws: true },
    },
  },
});
