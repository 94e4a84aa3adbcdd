#!/usr/bin/env node
// The bundled CLI (dist/ is built by `npm ci` through `prepare`, and before the tests).
await import("../dist/bin/main.js");
