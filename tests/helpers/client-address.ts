// A request header giving a client address nobody has used yet (as a proxy would, with TRUST_PROXY set in tests), so
// that the per-address rate limits of the sign-in, sign-up and email forms count each test's requests apart and
// never answer in place of the behaviour a test checks.
import crypto from "node:crypto";

/** A client address nobody has used yet, for a domain call that takes the address itself. */
export const newClientIp = () =>
  `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(255)}`;

export const fromIp = () => ({ "x-svm-client-ip": newClientIp() });
