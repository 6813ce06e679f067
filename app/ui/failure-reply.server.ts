// The answer to a form whose change the domain refused: field messages next to their fields, otherwise one
// message at the top, always with the user's input kept (conform's reply carries it back).
import type { SubmissionResult } from "@conform-to/react";
import type { Failure } from "~/domain/marketplace/requests.server.ts";

type Replyable = {
  reply(options: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[]>;
  }): SubmissionResult<string[]>;
};

export function replyToFailure(submission: Replyable, failure: Failure) {
  return submission.reply(
    failure.fieldErrors
      ? { fieldErrors: failure.fieldErrors }
      : { formErrors: [failure.formError ?? "That did not work."] },
  );
}
