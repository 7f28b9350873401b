import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The node the dev server forwards API calls to (`npm start` serves it on :8080). */
const API_TARGET = process.env.SHULIU_API_URL ?? 'http://localhost:8080';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is ~1 MB unminified; pages are split per route, the shared vendor chunk stays one file.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
      '/.well-known': { target: API_TARGET, changeOrigin: false },
    },
  },
});
