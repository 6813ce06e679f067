// The loader and action behind both "register an organisation" forms (a VCSE, a supplier): they differ only in
// their fields and in what the new owner is told next.
import { json } from "@remix-run/node";
import { organisationCookie } from "~/auth/organisation-cookie.server.ts";
import { requireVerifiedUser } from "~/auth/permissions.server.ts";
import { consumeAttempt, waitMessage } from "~/auth/rate-limit.server.ts";
import { pageOfThisSite, requestContext } from "~/auth/request-context.server.ts";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { listCouncils, registerOrganisation, type RegisterInput } from "./organisations.server.ts";
import { supplierSchema, vcseSchema } from "./schemas.ts";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";

// What someone sent to sign up on the way to `redirectTo` registers first, when that page is a registration form
// (a survey invitation sends someone without an account to register their business, then back to it), or null.
export function registeringOnTheWay(redirectTo: string | null | undefined) {
  const path = redirectTo?.split(/[?#]/)[0];
  if (path === "/organisations/new/supplier") return "your business";
  if (path === "/organisations/new/vcse") return "your charity, community group or social enterprise";
  if (path === "/organisations/new") return "your organisation";
  return null;
}

// The page beyond `redirectTo` when that is a registration form (its own `redirectTo`, only ever a page of this
// site), or `redirectTo` itself: someone who already has an account may have a business too, so an email to them
// leads past the form, to the page it would have led back to (which offers registering if they have none).
export function pastRegistering(redirectTo: string | undefined) {
  if (!redirectTo || !registeringOnTheWay(redirectTo)) return redirectTo;
  const query = redirectTo.split("#")[0]!.split("?")[1] ?? "";
  return pageOfThisSite(new URLSearchParams(query).get("redirectTo")) ?? undefined;
}

export async function registrationLoader(request: Request) {
  // an address not yet confirmed: confirming it leads back to this form, and from it to where they were going
  await requireVerifiedUser(request);
  const redirectTo = pageOfThisSite(new URL(request.url).searchParams.get("redirectTo"));
  return json({ councils: await listCouncils(), redirectTo });
}

const forms = {
  VCSE: {
    schema: vcseSchema,
    registered:
      "Organisation registered. You can draft requests now; the council will verify you before they are published.",
  },
  SUPPLIER: {
    schema: supplierSchema,
    registered:
      "Business registered. You can look around now; the council will verify you before you can pledge.",
  },
} as const;

export async function registrationAction(request: Request, kind: keyof typeof forms) {
  const viewer = await requireVerifiedUser(request);
  const { schema, registered } = forms[kind];
  const form = await readForm(request);
  // a hidden field the form carries from its web address: not part of the organisation's details
  const goBackTo = pageOfThisSite(form.get("redirectTo"));
  const submission = parseForm(form, { schema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const context = requestContext(request);
  // each valid form counts, registered or refused (a name in use): both kinds share the allowance
  const limit = await consumeAttempt("registration", { ip: context.ip, account: `user:${viewer.user.id}` });
  if (!limit.ok)
    return json(submission.reply({ formErrors: [waitMessage(limit.retryAfterSeconds)] }), { status: 429 });
  // the schema was chosen by kind, so its value is that kind's input
  const input = { kind, ...submission.value } as RegisterInput;
  const result = await registerOrganisation(viewer.user.id, input, context);
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  // back to the page they were on their way to, now with the organisation they needed for it
  return redirectWithFlash(
    goBackTo ?? `/organisations/${result.organisationId}`,
    { kind: "success", message: registered },
    { headers: { "Set-Cookie": organisationCookie(result.organisationId) } },
  );
}
