import pino from "pino";

// Structured JSON logs on stdout. Never log request bodies: they can hold passwords and survey answers.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  // the process id says which worker wrote a line when several serve (WEB_CONCURRENCY, decision 026)
  base: { service: "social-value-marketplace", pid: process.pid },
  redact: ["req.headers.cookie", "req.headers.authorization", "res.headers['set-cookie']"],
});

// Links sent by email carry a secret in their path (an invitation to join an organisation or to the diversity
// survey): whoever holds it gets in, so a log shows the page, never the secret. Query strings (reset and
// confirmation links) are never logged.
const SECRET_IN_PATH = /^(\/invitations\/|\/survey\/invitation\/)[^/]+/;

/** A request's path as the logs show it: no query string, and no secret from an emailed link. */
export function loggedPath(url: string | undefined) {
  return (url ?? "").split("?")[0]!.replace(SECRET_IN_PATH, "$1[redacted]");
}
