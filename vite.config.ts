import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app: sources in web/, built into dist/web (served by the Fastify server with an SPA fallback).
// In development (`npx vite`), /api is proxied to the server on port 3000 (override with XHHT_API).
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.XHHT_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
