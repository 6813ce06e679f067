// The loader and action behind both "register an organisation" forms (a VCSE, a supplier): they differ only in
// their fields and in what the new owner is told next.
import { json } from "@remix-run/node";
import { z } from "zod";
import { organisationCookie } from "~/auth/organisation-cookie.server.ts";
import { requireVerifiedUser } from "~/auth/permissions.server.ts";
import { consumeAttempt, waitMessage } from "~/auth/rate-limit.server.ts";
import { pageOfThisSite, requestContext } from "~/auth/request-context.server.ts";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { listCouncils, registerOrganisation, type RegisterInput } from "./organisations.server.ts";
import { NEW_ORGANISATION_KINDS } from "./registering-journey.ts";
import { supplierSchema, vcseSchema } from "./schemas.ts";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";

// The page a registration form leads back to (a hidden field it carries from its web address, not part of the
// organisation's details): only ever a page of this site, or none. The choice of kind passes it on too.
export const goingBackTo = {
  redirectTo: z
    .string()
    .max(2000)
    .optional()
    .catch(undefined)
    .transform((to) => pageOfThisSite(to) ?? undefined),
};

// "Register an organisation": the choice of kind, which leads on to that kind's form (and from it back)
export const organisationKindSchema = z.object({
  kind: z.enum(NEW_ORGANISATION_KINDS, { error: "Select the type of organisation" }),
  ...goingBackTo,
});

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
