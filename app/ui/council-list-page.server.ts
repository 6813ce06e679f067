// The loader and action of a council's own list page (categories, districts): the same checks, lookups and
// answers for each list; the route brings its list, its schema, how each form is saved and its words.
import { json } from "@remix-run/node";
import type { z } from "zod";
import { requireCouncilOf } from "~/auth/permissions.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import type { Actor } from "~/domain/marketplace/access.server.ts";
import { refusalReply, type ListResult } from "~/domain/marketplace/council-lists.server.ts";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { keepCouncil } from "~/ui/charts/record-links.ts";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { staleEditMessage } from "~/ui/stale-edit.tsx";

/** The council the page acts for, its entries, the one a "Change" link opens and the list's own address. */
export async function readCouncilListPage<Entry extends { id: string }>(
  request: Request,
  path: string,
  list: (councilId: string) => Promise<Entry[]>,
) {
  const url = new URL(request.url);
  // the council a link names (`council=<id>`, the moderation page's), else the header switcher's
  const named = url.searchParams.get("council");
  const { membership } = await requireCouncilOf(request, named);
  // the list's own links keep the council the address names
  const listPath = keepCouncil(path, membership.organisationId, Boolean(named));
  const entries = await list(membership.organisationId);
  const editId = url.searchParams.get("edit");
  const editing = entries.find((entry) => entry.id === editId) ?? null;
  // a "Change" link for an entry this council does not list (another council's, followed after switching council in
  // another window, or an old link) is said so, rather than silently showing the form to add a new one
  const editNotFound = editId !== null && editId !== "" && !editing;
  return { councilName: membership.organisationName, entries, editing, editNotFound, listPath };
}

type ListForm = { intent: "add" } | { intent: "update" } | { intent: "toggle" };
type Save<Form> = (councilId: string, form: Form, actor: Actor) => Promise<ListResult>;

const sentBy = <Form extends ListForm, Intent extends Form["intent"]>(
  form: Form,
  intent: Intent,
): form is Extract<Form, { intent: Intent }> => form.intent === intent;

/** Saves the list's add, change or retire/restore form (told apart by its intent), and answers as every list
 * page does: bad input and refusals with 400, a colleague's later save with 409 and what they saved, else back to
 * the list with `saved` as the flash. `what`: the entry's noun in the stale-edit message. */
export async function saveCouncilListEntry<Form extends ListForm>(
  request: Request,
  page: { path: string; schema: z.ZodType<Form>; what: string; saved: string },
  save: {
    add: Save<Extract<Form, { intent: "add" }>>;
    update: Save<Extract<Form, { intent: "update" }>>;
    toggle: Save<Extract<Form, { intent: "toggle" }>>;
  },
) {
  // the form is sent to its page's address, which names the council it was shown for when a link named one
  const named = new URL(request.url).searchParams.get("council");
  const { viewer, membership } = await requireCouncilOf(request, named);
  const submission = parseForm(await readForm(request), { schema: page.schema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const actor = { userId: viewer.user.id, ipAddress: clientIp(request) };
  const councilId = membership.organisationId;
  const form = submission.value;
  const result = sentBy(form, "add")
    ? await save.add(councilId, form, actor)
    : sentBy(form, "update")
      ? await save.update(councilId, form, actor)
      : // the one form left (a list's forms are these three), which the compiler cannot tell of a generic Form
        await save.toggle(councilId, form as Extract<Form, { intent: "toggle" }>, actor);
  if (!result.ok) {
    // a colleague saved it after this form was read: shown beside the answers, which are kept
    if ("stale" in result)
      return json(
        { ...submission.reply({ formErrors: [staleEditMessage(page.what)] }), stale: result.stale },
        { status: 409 },
      );
    return json(submission.reply(refusalReply(result)), { status: 400 });
  }
  return redirectWithFlash(keepCouncil(page.path, councilId, Boolean(named)), {
    kind: "success",
    message: page.saved,
  });
}
