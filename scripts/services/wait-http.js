#!/usr/bin/env node
// Waits until a URL answers 200: node scripts/services/wait-http.js http://127.0.0.1:3000/health
'use strict';
const url = process.argv[2];
const deadline = Date.now() + Number(process.env.WAIT_TIMEOUT_S || 120) * 1000;
(async () => {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) {
        console.log(await res.text());
        process.exit(0);
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.error(`${url} did not answer 200 in time`);
  process.exit(1);
})();
