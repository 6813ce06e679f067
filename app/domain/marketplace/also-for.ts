// The councils a request is for, as its pages name them (decision 050): the lead council first, then the others it
// is also for in name order. A council named as also-for that is no longer a verified council on the instance is
// not named (as on the public card), though its row is kept.
import { compareNames } from "~/domain/format.ts";

/** The Prisma select of a request's other councils that are named: verified councils only. */
export const namedAlsoFor = {
  where: { council: { kind: "COUNCIL", status: "VERIFIED" } },
  select: { council: { select: { name: true } } },
} as const;

/** The names of the councils a request is for: its lead council, then the others in name order. */
export function councilNamesOf(request: {
  council: { name: string };
  alsoFor: readonly { council: { name: string } }[];
}) {
  return [request.council.name, ...request.alsoFor.map((a) => a.council.name).sort(compareNames)];
}
