import type { SubmissionResult } from "@conform-to/react";
import { useState } from "react";

// The action's answer as it reaches the page (SubmissionResult from `submission.reply()`, through JSON).
type Reply = Pick<SubmissionResult<string[]>, "initialValue" | "error"> | undefined;

/**
 * The forms of public pages (sign-in, sign-up, password reset) are checked on the server only and leave Conform
 * and zod out of the browser, to stay within the 100 KB JavaScript budget of a public page (decision 019). This
 * reads the action's answer into what those forms render, shaped as Conform's `useForm` gives it to the other
 * forms: each field's errors, the answer to keep, and a key that changes with each answer, so a field the
 * server cleared (a password) is emptied.
 */
export function useServerForm(lastResult: Reply, defaultValue: Record<string, string> = {}) {
  const [answer, setAnswer] = useState({ reply: lastResult, count: 0 });
  if (answer.reply !== lastResult) setAnswer({ reply: lastResult, count: answer.count + 1 });
  const errors: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(lastResult?.error ?? {}))
    if (messages) errors[name] = messages;
  const values = lastResult?.initialValue ?? defaultValue;
  const field = (name: string) => {
    const value = values[name];
    return {
      name,
      key: `${name}-${answer.count}`,
      errors: errors[name] as string[] | undefined,
      initialValue: typeof value === "string" ? value : undefined,
    };
  };
  // read as Conform's are: fields.email.name, fields.email.errors…
  const fields = new Proxy({} as Record<string, ReturnType<typeof field>>, {
    get: (_, name) => field(String(name)),
  });
  return [{ allErrors: errors }, fields] as const;
}
