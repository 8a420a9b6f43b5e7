// Owns the dashboard build: React plugin, output in packages/web/dist, dev proxy of /api to the server.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
  },
  server: { proxy: { '/api': process.env.LLA_API_URL ?? 'http://127.0.0.1:3000' } },
});
