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
import { notFound } from "~/auth/permissions.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { requireRespondent } from "~/auth/survey-access.server.ts";
import {
  backgroundsFor,
  ethnicBackgroundLegend,
  fieldState,
  nextTopic,
  PREFER_NOT,
  preferNotChoice,
  previousTopic,
  topicApplies,
  topicBySlug,
  type Question,
} from "~/domain/survey/questions.ts";
import {
  getOwnAnswers,
  rememberResumePoint,
  saveTopicAnswers,
  type OwnResponse,
} from "~/domain/survey/responses.server.ts";
import { topicSchema } from "~/domain/survey/schemas.ts";
import { BackLink } from "~/ui/components.tsx";
import { useFocusNamedField } from "~/ui/focus-named-field.ts";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { formatDate } from "~/ui/format.ts";
import {
  Button,
  Checkbox,
  Checkboxes,
  ErrorSummary,
  errorsFor,
  Radios,
  Textarea,
  TextInput,
} from "~/ui/form.tsx";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { NOT_VERIFIED } from "~/ui/survey-cannot-send.tsx";
import { surveyPageTitle } from "~/ui/survey-title.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: surveyPageTitle(data?.topicTitle ?? "Question", data?.survey) },
];

// Loads the respondent's answers; answers are only ever taken after consent (the explainer page).
async function load(request: Request, cycleId: string, slug: string | undefined) {
  const { viewer, membership, cycle } = await requireRespondent(request, cycleId);
  const topic = topicBySlug(slug);
  if (!topic) notFound();
  if (!cycle.accepting) throw redirect(`/survey/${cycle.id}`);
  const own = await getOwnAnswers({
    cycleId: cycle.id,
    organisationId: membership.organisationId,
    userId: viewer.user.id,
    role: membership.role,
    ipAddress: clientIp(request),
  });
  if (!own) throw redirect(`/survey/${cycle.id}`);
  // answers never sent, from a business the council has since rejected: they can only be seen or deleted (the
  // survey's page says why), not gone on with
  const cannotSend = cycle.rejected && own.response.status !== "SUBMITTED";
  if (!cannotSend && !topicApplies(topic, own.protectedAnswers))
    throw redirect(`/survey/${cycle.id}/check-answers`);
  return { viewer, membership, cycle, topic, cannotSend, ...own };
}

// a page sent for answers that can no longer be sent: nothing was saved, and the survey's page says why
const notSaved = (cycleId: string) =>
  redirectWithFlash(`/survey/${cycleId}`, {
    kind: "error",
    message: `Your answers were not saved. ${NOT_VERIFIED}`,
  });

function currentValue(response: OwnResponse, protectedAnswers: Record<string, string>, q: Question) {
  if (q.name in protectedAnswers) return protectedAnswers[q.name];
  if (q.name === "contactConsent") return response.contactConsentAnswer;
  const value = (response as Record<string, unknown>)[q.name];
  return value ?? null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { membership, cycle, topic, response, protectedAnswers, cannotSend } = await load(
    request,
    params.cycleId!,
    params.topic,
  );
  if (cannotSend) throw redirect(`/survey/${cycle.id}`);
  const query = new URL(request.url).searchParams;
  const returnToCheck = query.get("return") === "check";
  // Changing the broad ethnic group from check your answers leads on to this page: Back returns to the group page
  // the respondent came from, not past it (the Change link beside the background itself comes without "from").
  const cameFromGroup =
    returnToCheck && topic.slug === "ethnic-background" && query.get("from") === "ethnic-group";
  const previous = previousTopic(topic.slug, protectedAnswers);
  // Only this page's answers go to the browser.
  const values: Record<string, unknown> = {};
  for (const q of topic.questions) values[q.name] = currentValue(response, protectedAnswers, q);
  return json({
    cycleId: cycle.id,
    year: cycle.year,
    survey: { year: cycle.year, councilName: cycle.council.name, businessName: membership.organisationName },
    closesOn: cycle.closesOn,
    topicSlug: topic.slug,
    topicTitle: topic.title,
    ethnicGroup: topic.slug === "ethnic-background" ? (protectedAnswers.ethnicGroup ?? null) : null,
    values,
    returnToCheck,
    backTo: cameFromGroup
      ? `/survey/${cycle.id}/questions/ethnic-group?return=check`
      : returnToCheck
        ? `/survey/${cycle.id}/check-answers`
        : previous
          ? `/survey/${cycle.id}/questions/${previous.slug}`
          : `/survey/${cycle.id}`,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, cycle, topic, protectedAnswers, response, cannotSend } = await load(
    request,
    params.cycleId!,
    params.topic,
  );
  if (cannotSend) return notSaved(cycle.id);
  const submission = parseForm(await readForm(request), { schema: topicSchema(topic) });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const values = submission.value as Record<string, unknown>;
  if (topic.slug === "ethnic-background") {
    const chosen = values.ethnicBackground as string | undefined;
    const allowed = backgroundsFor(protectedAnswers.ethnicGroup).map((b) => b.value);
    if (chosen && chosen !== PREFER_NOT && !allowed.includes(chosen))
      return json(
        submission.reply({ fieldErrors: { ethnicBackground: ["Select an answer from the list"] } }),
        {
          status: 400,
        },
      );
  }
  const after = await saveTopicAnswers(response.id, topic, values, {
    userId: viewer.user.id,
    ipAddress: clientIp(request),
  });
  // withdrawn (in another window), or the survey closed, since this page was read: nothing was stored
  if (!after) return redirect(`/survey/${cycle.id}`);
  // the council rejected the business since this page was read
  if (after === "not-verified") return notSaved(cycle.id);
  const returnToCheck = new URL(request.url).searchParams.get("return") === "check";
  // a protected page's save gives back every protected answer as now stored, an answer cleared included (merged
  // with the page's earlier read, a cleared ethnic group still led to the background page, which then skipped the
  // business to check your answers past religion and the pages after it); any other page's leaves them as read
  const next = nextTopic(topic.slug, topic.protected ? after : protectedAnswers);
  // Someone changing an answer from check your answers has already been through every page.
  if (!returnToCheck) await rememberResumePoint(response.id, next?.slug ?? "check-answers");
  if (values.intent === "save-and-exit")
    return redirectWithFlash("/survey", {
      kind: "success",
      message: `Your answers are saved. You can come back to them until ${formatDate(cycle.closesOn)}.`,
    });
  // A new broad ethnic group needs its follow-up question even when changing from check your answers (a "Prefer
  // not to say" kept from the group before is shown there to confirm), as does a group whose background is unanswered.
  const groupChanged = after.ethnicGroup !== protectedAnswers.ethnicGroup;
  if (
    topic.slug === "ethnic-group" &&
    next?.slug === "ethnic-background" &&
    (groupChanged || !after.ethnicBackground)
  )
    return redirect(
      `/survey/${cycle.id}/questions/${next.slug}${returnToCheck ? "?return=check&from=ethnic-group" : ""}`,
    );
  if (returnToCheck || !next) return redirect(`/survey/${cycle.id}/check-answers`);
  return redirect(`/survey/${cycle.id}/questions/${next.slug}`);
}

function QuestionField({
  question,
  value,
  preferNot,
  errors,
  asHeading,
  ethnicGroup,
}: {
  question: Question;
  value: unknown;
  preferNot: boolean;
  errors?: string[];
  asHeading: boolean;
  ethnicGroup: string | null;
}) {
  if (question.name === "ethnicBackground") {
    return (
      <Radios
        name={question.name}
        legend={ethnicBackgroundLegend(ethnicGroup)}
        legendAsHeading={asHeading}
        errors={errors}
        defaultValue={value as string | null}
        options={[...backgroundsFor(ethnicGroup), preferNotChoice]}
      />
    );
  }
  const common = { name: question.name, hint: question.hint, errors };
  switch (question.kind) {
    case "radio":
      return (
        <Radios
          {...common}
          legend={question.legend}
          legendAsHeading={asHeading}
          options={question.options ?? []}
          defaultValue={value as string | null}
        />
      );
    case "checkbox":
      return (
        <Checkboxes
          {...common}
          legend={question.legend}
          legendAsHeading={asHeading}
          options={question.options ?? []}
          defaultValues={(value as string[] | null) ?? []}
        />
      );
    case "textarea":
      return (
        <>
          <Textarea {...common} label={question.legend} defaultValue={(value as string | null) ?? ""} />
          {question.preferNotBox ? (
            <Checkbox
              name={`${question.name}PreferNot`}
              label={preferNotChoice.label}
              value={PREFER_NOT}
              defaultChecked={preferNot}
            />
          ) : null}
        </>
      );
    default:
      return (
        <TextInput
          {...common}
          label={question.legend}
          type={question.kind === "email" ? "email" : "text"}
          autoComplete={question.kind === "email" ? "email" : "name"}
          spellCheck={false}
          width="20"
          defaultValue={(value as string | null) ?? ""}
        />
      );
  }
}

export default function SurveyQuestion() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form] = useForm({ lastResult });
  const topic = topicBySlug(data.topicSlug)!;
  // A page with one question asked as a group of choices has that question's legend as its heading (GOV.UK
  // question pages); any other page, a single free-text question included, has the topic as its heading.
  const legendIsHeading =
    topic.questions.length === 1 && ["radio", "checkbox"].includes(topic.questions[0].kind);
  const submitted = (lastResult?.initialValue ?? null) as Record<string, unknown> | null;
  useFocusNamedField();
  return (
    <div className="max-w-3xl">
      <BackLink to={data.backTo} />
      <span className="mb-1 block text-lg text-muted">Supplier diversity survey {data.year}</span>
      <Form method="post" {...getFormProps(form)} noValidate>
        {/* the questions in page order: the checks between answers (barriers chosen with "not met any", an address
            for a business that agreed to be contacted) are made after every question's own */}
        <ErrorSummary
          errors={form.allErrors}
          order={topic.questions.flatMap((q) => (q.preferNotBox ? [q.name, `${q.name}PreferNot`] : [q.name]))}
        />
        {legendIsHeading ? null : <h1 className="mb-6 text-3xl font-bold">{topic.title}</h1>}
        {topic.questions.map((question) => (
          <QuestionField
            key={question.name}
            question={question}
            asHeading={legendIsHeading}
            ethnicGroup={data.ethnicGroup}
            {...fieldState(question, submitted, data.values[question.name])}
            errors={errorsFor(form.allErrors, question.name)}
          />
        ))}
        <div className="flex flex-wrap items-center gap-4">
          <Button name="intent" value="continue">
            {data.returnToCheck ? "Save and return to your answers" : "Save and continue"}
          </Button>
          <Button name="intent" value="save-and-exit" variant="secondary">
            Save and come back later
          </Button>
        </div>
      </Form>
    </div>
  );
}
