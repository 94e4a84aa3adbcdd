import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // End-to-end tests start the CLI (tsx) and solve real plans: seconds each, more on a busy CI machine.
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
