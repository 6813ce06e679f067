// The records the contracts page tests start from: createWorld's councils, supplier and people, with council A's
// officer (officerA) and admin signed in, once the app is put together (the first page rendered does that, which
// takes a while on a busy machine).
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

export async function createContractsWorld() {
  await renderPage("/");
  const world = await createWorld();
  const officer = await sessionCookieFor(world.users.officerA.id);
  const admin = await sessionCookieFor(world.users.councilAdmin.id);
  return { ...world, officer, admin };
}

export type ContractsWorld = Awaited<ReturnType<typeof createContractsWorld>>;

/** A form as the browser sends it, one field a value. */
export function formOf(values: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.append(name, value);
  return form;
}
