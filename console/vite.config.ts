import { defineConfig } from "vite";

// `npm run dev` serves the console with hot reload and proxies /api to `make dev` (port 8000),
// so the refresh cookie stays same-origin. `npm run build` writes static files to dist/.
export default defineConfig({
  oxc: { jsx: { runtime: "automatic" } },
  server: { port: 5173, proxy: { "/api": "http://127.0.0.1:8000" } },
  build: {
    outDir: "dist",
    sourcemap: true,
    rolldownOptions: {
      // React Query marks modules "use client" (for server components); meaningless in a SPA bundle.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
});
