import { getFormProps, useForm } from "@conform-to/react";
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { requireVerifiedUser } from "~/auth/permissions.server.ts";
import { pageOfThisSite } from "~/auth/request-context.server.ts";
import { organisationKindSchema } from "~/domain/accounts/registration.server.ts";
import { BackLink } from "~/ui/components.tsx";
import { Button, ErrorSummary, Radios } from "~/ui/form.tsx";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "Register an organisation – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireVerifiedUser(request);
  // the page they were on their way to (a survey invitation): the form of the kind chosen leads back there
  return json({ redirectTo: pageOfThisSite(new URL(request.url).searchParams.get("redirectTo")) });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireVerifiedUser(request);
  const submission = parseForm(await readForm(request), { schema: organisationKindSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { kind, redirectTo: goBackTo } = submission.value;
  return redirect(
    `/organisations/new/${kind}${goBackTo ? `?redirectTo=${encodeURIComponent(goBackTo)}` : ""}`,
  );
}

export default function ChooseOrganisationKind() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult });
  return (
    <div className="max-w-2xl">
      <BackLink to="/account">Back to your account</BackLink>
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorSummary errors={form.allErrors} />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <Radios
          name={fields.kind.name}
          legend="What kind of organisation are you registering?"
          legendAsHeading
          errors={fields.kind.errors}
          options={[
            {
              value: "vcse",
              label: "A charity, community group or social enterprise",
              hint: "You can post requests for help once the council has verified you",
            },
            {
              value: "supplier",
              label: "A business that supplies the council",
              hint: "You can pledge help and report your social value once the council has verified you",
            },
          ]}
        />
        <p className="mb-6 text-muted">
          Councils are set up by the portal&apos;s administrators. To join an organisation that is already
          registered, ask its owner to invite you.
        </p>
        <Button>Continue</Button>
      </Form>
    </div>
  );
}
