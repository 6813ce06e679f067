// Every action reads its form through this. A body that cannot be parsed as the form it claims to be (a
// multipart body that is not one, an upload cut off half way) is the sender's fault: it is answered 400 with the
// error page saying so and what to do, not a 500.
import { refuse } from "~/ui/route-refusal.server.ts";

export async function readForm(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    refuse("unreadableForm", 400);
  }
  for (const name of form.keys()) if (farListEntry(name)) refuse("unreadableForm", 400);
  return form;
}

// No page of the portal numbers a list's entries this far (a delivery plan has one per quarter of the term, a
// return one per commitment). Parsing builds a list up to the highest entry a field names and checks every entry
// before it: "plan[1000000].quantity" held the server for seconds, and a longer number for minutes.
export const MAX_LIST_ENTRIES = 1000;

function farListEntry(name: string) {
  return [...name.matchAll(/\[(\d+)\]/g)].some((m) => m[1]!.length > 4 || Number(m[1]) >= MAX_LIST_ENTRIES);
}
