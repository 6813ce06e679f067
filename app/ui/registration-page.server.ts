// The loader and action behind both "register an organisation" forms (a VCSE, a supplier): they differ only in
// their fields and in what the new owner is told next. The page they answer is ./registration-form.tsx.
import { json } from "@remix-run/node";
import { organisationCookie } from "~/auth/organisation-cookie.server.ts";
import { requireVerifiedUser } from "~/auth/permissions.server.ts";
import { consumeAttempt, waitMessage } from "~/auth/rate-limit.server.ts";
import { pageOfThisSite, requestContext } from "~/auth/request-context.server.ts";
import {
  listCouncils,
  registerOrganisation,
  type RegisterInput,
} from "~/domain/accounts/organisations.server.ts";
import { goingBackTo } from "~/domain/accounts/registration.server.ts";
import { supplierSchema, vcseSchema } from "~/domain/accounts/schemas.ts";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { redirectWithFlash } from "./flash.server.ts";

export async function registrationLoader(request: Request) {
  // an address not yet confirmed: confirming it leads back to this form, and from it to where they were going
  await requireVerifiedUser(request);
  const redirectTo = pageOfThisSite(new URL(request.url).searchParams.get("redirectTo"));
  return json({ councils: await listCouncils(), redirectTo });
}

const forms = {
  VCSE: {
    schema: vcseSchema.extend(goingBackTo),
    registered:
      "Organisation registered. You can draft requests now; the council will verify you before they are published.",
  },
  SUPPLIER: {
    schema: supplierSchema.extend(goingBackTo),
    registered:
      "Business registered. You can look around now; the council will verify you before you can pledge.",
  },
} as const;

export async function registrationAction(request: Request, kind: keyof typeof forms) {
  const viewer = await requireVerifiedUser(request);
  const { schema, registered } = forms[kind];
  const submission = parseForm(await readForm(request), { schema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const context = requestContext(request);
  // each valid form counts, registered or refused (a name in use): both kinds share the allowance
  const limit = await consumeAttempt("registration", { ip: context.ip, account: `user:${viewer.user.id}` });
  if (!limit.ok)
    return json(submission.reply({ formErrors: [waitMessage(limit.retryAfterSeconds)] }), { status: 429 });
  // the schema was chosen by kind, so its value is that kind's input
  const { redirectTo: goBackTo, ...details } = submission.value;
  const input = { kind, ...details } as RegisterInput;
  const result = await registerOrganisation(viewer.user.id, input, context);
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  // back to the page they were on their way to, now with the organisation they needed for it
  return redirectWithFlash(
    goBackTo ?? `/organisations/${result.organisationId}`,
    { kind: "success", message: registered },
    { headers: { "Set-Cookie": organisationCookie(result.organisationId) } },
  );
}
