// A council with more open requests than the public list counts (1,000, decision 014), all in one category, and a
// second, small category for the few requests `inSmall` adds: the world the capped-list tests start from.
import { db } from "~/db.server.ts";
import {
  createCategory,
  createCouncil,
  createOrganisation,
  createRequest,
  unique,
} from "../helpers/factories.ts";

export async function createBusyCouncil(options: {
  openRequests: number;
  title: string;
  description: string;
  inSmall: number;
}) {
  const council = await createCouncil({ name: unique("Busy council") });
  const category = await createCategory(council.id);
  const small = await createCategory(council.id);
  const vcse = await createOrganisation({ kind: "VCSE", councilId: council.id });
  await db.request.createMany({
    data: Array.from({ length: options.openRequests }, (_, i) => ({
      councilId: council.id,
      organisationId: vcse.id,
      categoryId: category.id,
      title: `${options.title} ${i}`,
      description: options.description,
      helpType: "VOLUNTEERING" as const,
      quantity: 5,
      status: "OPEN" as const,
      neededBy: new Date(Date.now() + 30 * 86_400_000),
      isRemote: true,
      // newest first in the order made
      publishedAt: new Date(Date.now() - i * 1000),
    })),
  });
  for (let i = 0; i < options.inSmall; i++)
    await createRequest({ councilId: council.id, organisationId: vcse.id, categoryId: small.id });
  return { council, small };
}
