import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";
import { unusedStyles } from "./unusedStyles";

export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  // The window loads the built files from disk: relative paths, no dev server.
  base: "./",
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari16",
    // Keep every asset a file: the CSP allows no inline scripts or styles.
    assetsInlineLimit: 0,
    // Screens are loaded as separate chunks with import(). The window's WebKit preloads their
    // imports itself; the polyfill would fetch() them, which the CSP's connect-src (IPC only)
    // refuses, so it is left out.
    modulePreload: { polyfill: false },
    // Everything main.ts imports statically (the shell, the opening screens and the Svelte
    // runtime) is one file. Left to itself the bundler put the runtime in a second file, and
    // the window then fetched and linked two modules before the first screen: about 6–8 ms more
    // from the page being asked for to the first screen (measured in the window).
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: "index", test: /\/src\/main\.ts$/ }] } },
    },
  },
  css: {
    preprocessorOptions: { scss: { quietDeps: true } },
    // Only the design system's rules the app uses reach the window (see unusedStyles.ts).
    postcss: mode === "test" ? {} : { plugins: [unusedStyles(fileURLToPath(new URL(".", import.meta.url)))] },
  },
  // Component tests mount Svelte's browser build in jsdom.
  resolve: mode === "test" ? { conditions: ["browser"] } : undefined,
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
    setupFiles: ["src/test-setup.ts"],
  },
}));
