// The fake Resend server set up for a vitest file: kept out of fake-resend.ts, which the end-to-end tests' fake
// server process imports without vitest.
import { afterAll, beforeAll } from "vitest";
import { resetEmailClient } from "~/email/deliver.server.ts";
import { resetEnvCache } from "~/env.server.ts";
import { startFakeResend } from "./fake-resend.ts";

/**
 * Points the portal's email delivery at a fake Resend server for the test file (or describe block) it is called in,
 * and back afterwards: `handle.server` is the running server inside its tests.
 */
export function usingFakeResend() {
  const handle = {} as { server: Awaited<ReturnType<typeof startFakeResend>> };
  beforeAll(async () => {
    handle.server = await startFakeResend();
    process.env.RESEND_API_KEY = "re_test_fake";
    process.env.RESEND_BASE_URL = handle.server.url;
    resetEnvCache();
    resetEmailClient();
  });
  afterAll(async () => {
    delete process.env.RESEND_API_KEY;
    delete process.env.RESEND_BASE_URL;
    resetEnvCache();
    resetEmailClient();
    await handle.server.close();
  });
  return handle;
}
