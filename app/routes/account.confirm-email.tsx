import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { getViewer } from "~/auth/permissions.server.ts";
import { consumeAttempt, waitMessage } from "~/auth/rate-limit.server.ts";
import { requestContext } from "~/auth/request-context.server.ts";
import { tokenSchema } from "~/domain/accounts/schemas.ts";
import { confirmationLinkStanding } from "~/domain/accounts/tokens.server.ts";
import { confirmEmailChange } from "~/domain/accounts/users.server.ts";
import { Notice, PageHeading } from "~/ui/components.tsx";
import { EndedLinkNotice } from "~/ui/ended-link.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button } from "~/ui/form.tsx";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [
  { title: "Confirm your new email address – Social Value Marketplace" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  // a link that can no longer change anything says so at once, not after its button is pressed (read only: a mail
  // scanner following the link uses nothing)
  const link = token ? await confirmationLinkStanding(token, "EMAIL_CHANGE") : null;
  const standing = link?.standing ?? null;
  return json(
    // the new address, which the link was sent to and its holder read it at (never the account's own address)
    { token: standing === "usable" ? token : null, standing, newEmail: link?.newEmail ?? null },
    { status: standing === "ended" ? 410 : 200 },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const context = requestContext(request);
  const submission = parseForm(await readForm(request), { schema: tokenSchema });
  if (submission.status !== "success") return json({ error: "This link is not valid" }, { status: 400 });
  const { token } = submission.value;
  // the token is 256 random bits and not guessed: the limit stops floods from one address
  const limit = await consumeAttempt("verification", { ip: context.ip });
  if (!limit.ok) return json({ error: waitMessage(limit.retryAfterSeconds) }, { status: 429 });
  // the account's other sessions end; this browser's stays, if it is signed in to the account changed
  const viewer = await getViewer(request);
  const changedFor = await confirmEmailChange(token, context, viewer?.sessionId ?? null);
  if (!changedFor)
    return json(
      {
        error:
          "This link has expired, has already been used or the change was cancelled. Change your email address again.",
      },
      { status: 400 },
    );
  // another account signed in here (a shared computer) must not be told its own address changed
  if (viewer && viewer.user.id !== changedFor)
    return redirectWithFlash("/account", {
      kind: "info",
      message: `The email address has been changed for the account the link was sent for. You are signed in with a different account (${viewer.user.email}): its address has not changed.`,
    });
  if (!viewer)
    return redirectWithFlash("/sign-in", {
      kind: "success",
      message:
        "Your email address has been changed. You have been signed out on every device: sign in with your new address.",
    });
  return redirectWithFlash("/account", {
    kind: "success",
    message: "Your email address has been changed. You have been signed out on other devices.",
  });
}

export default function ConfirmEmail() {
  const { token, standing, newEmail } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="max-w-2xl">
      <PageHeading>Confirm your new email address</PageHeading>
      {result?.error ? (
        <Notice kind="error" title="There is a problem">
          {result.error}
        </Notice>
      ) : null}
      {standing === "ended" ? (
        // (after a press refused for it, the error above says so already)
        result?.error ? null : (
          <EndedLinkNotice cancellable>
            <Link to="/account/email">Change your email address again</Link> to get a new one.
          </EndedLinkNotice>
        )
      ) : standing === "done" ? (
        <p>
          Your account already uses this address. <Link to="/account">Go to your account</Link>.
        </p>
      ) : token ? (
        <Form method="post">
          <input type="hidden" name="token" value={token} />
          <p className="mb-6">
            Confirm that you want your account to use{" "}
            {newEmail ? <strong>{newEmail}</strong> : "this address"} from now on. You will sign in with it,
            and emails about your account will go to it.
          </p>
          <Button>Confirm new email address</Button>
        </Form>
      ) : (
        // the link cut short (some email programs break long links): a button here could only fail
        <p>
          This link is not complete. Copy the whole link from the email into your browser, or{" "}
          <Link to="/account/email">change your email address again</Link>.
        </p>
      )}
    </div>
  );
}
