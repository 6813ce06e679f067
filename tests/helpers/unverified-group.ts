// A group (VCSE) in the world's first council with the verification status given, its owner signed in, and a
// draft request of its own: what the request pages of a group the council has not verified are shown for.
import type { VerificationStatus } from "~/generated/prisma/enums.ts";
import {
  createMember,
  createOrganisation,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "./factories.ts";

type World = Awaited<ReturnType<typeof createWorld>>;

export async function groupWithDraft(world: World, status: VerificationStatus) {
  const group = await createOrganisation({ kind: "VCSE", councilId: world.councilA.id, status });
  const owner = await createMember(group.id, "OWNER");
  const cookie = await sessionCookieFor(owner.id);
  const draft = await createRequest({
    councilId: world.councilA.id,
    organisationId: group.id,
    categoryId: world.category.id,
    status: "DRAFT",
  });
  return { cookie, draft };
}
