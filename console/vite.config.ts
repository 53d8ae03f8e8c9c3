import { defineConfig } from "vite";

// `npm run dev` serves the console with hot reload and proxies /api to `make dev`, on the PORT it
// was given (`PORT=8310 npm run dev` beside `make dev PORT=8310`; 8000 by default), so the refresh
// cookie stays same-origin. `npm run build` writes static files to dist/.
const apiPort = globalThis.process?.env.PORT ?? "8000";

export default defineConfig({
  oxc: { jsx: { runtime: "automatic" } },
  server: { port: 5173, proxy: { "/api": `http://127.0.0.1:${apiPort}` } },
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
