import pino from "pino";

// Structured JSON logs on stdout. Never log request bodies: they can hold passwords and survey answers.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "social-value-marketplace" },
  redact: ["req.headers.cookie", "req.headers.authorization", "res.headers['set-cookie']"],
});
