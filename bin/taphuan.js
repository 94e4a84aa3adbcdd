#!/usr/bin/env node
// The compiled CLI (dist/ is built by `npm ci` through `prepare`, and before the tests).
await import("../dist/cli/main.js");
