// The councils a request is for (decision 050): its lead council (Request.councilId) and the others it is also for
// (its RequestAlsoFor rows). A request is for council X when its lead council is X or it is also for X. That rule is
// written here once, in each form its readers need: SQL for the public list and supplier matching (raw SQL, for
// their plans), a Prisma condition for the commitments a pledge may count towards, and a plain function for scoring.
//
// As its pages name them: the lead council first, then the others it is also for in name order. A council named as
// also-for that is no longer a verified council on the instance is not named (as on the public card), though its row
// is kept. Which are named is written here once too: a Prisma condition, an SQL column for the request page's one raw
// query, and the councils the public list names (its cached lists); each page orders them with leadThenOthers.
import { compareNames } from "~/domain/format.ts";
import { NAMED_COUNCIL } from "~/domain/named-councils.ts";
import { Prisma } from "~/generated/prisma/client.ts";

/** The Prisma select of a request's other councils that are named: verified councils only. */
export const namedAlsoFor = {
  where: { council: NAMED_COUNCIL },
  select: { council: { select: { name: true } } },
} as const;

/** The names of the councils a request is for, from its lead council's name and the others': the lead council
 * first, then the others in name order. */
export function leadThenOthers(leadName: string, otherNames: readonly string[]) {
  return [leadName, ...[...otherNames].sort(compareNames)];
}

/** The names of the councils a request is for, as read with namedAlsoFor: its lead council, then the others. */
export function councilNamesOf(request: {
  council: { name: string };
  alsoFor: readonly { council: { name: string } }[];
}) {
  return leadThenOthers(
    request.council.name,
    request.alsoFor.map((a) => a.council.name),
  );
}

/** Whether the request is for the council: led by it, or also for it. */
export function requestIsFor(
  request: { councilId: string; alsoForCouncilIds?: readonly string[] },
  councilId: string,
) {
  return request.councilId === councilId || Boolean(request.alsoForCouncilIds?.includes(councilId));
}

/** Prisma: a contract with one of the request's councils, its lead council or one it is also for. */
export function contractWithCouncilOf(request: { id: string; councilId: string }): Prisma.ContractWhereInput {
  return {
    OR: [
      { councilId: request.councilId },
      { council: { requestsAlsoFor: { some: { requestId: request.id } } } },
    ],
  };
}

// One council id, or any of several (an array parameter).
type Councils = string | readonly string[];

// `alias` is what the query calls its "Request" row; the SQL below names RequestAlsoFor rows `a` and `af`, and
// the councils they name `ac`.
function requestAlias(alias: string) {
  if (!/^[a-z_]+$/.test(alias) || ["a", "af", "ac"].includes(alias))
    throw new Error(`not a table alias: ${alias}`);
  return Prisma.raw(alias);
}

function isOneOf(column: Prisma.Sql, councils: Councils) {
  return typeof councils === "string"
    ? Prisma.sql`${column} = ${councils}`
    : Prisma.sql`${column} = ANY(${councils}::text[])`;
}

/** SQL: the request `alias` is for the council (or one of the councils): its lead council, or an index lookup on
 * RequestAlsoFor's key for each candidate row, which PostgreSQL runs as a hashed subplan (decision 050). */
export function requestIsForSql(alias: string, councils: Councils) {
  const r = requestAlias(alias);
  return Prisma.sql`(${isOneOf(Prisma.sql`${r}."councilId"`, councils)} OR EXISTS (SELECT 1 FROM "RequestAlsoFor" a
      WHERE a."requestId" = ${r}.id AND ${isOneOf(Prisma.sql`a."councilId"`, councils)}))`;
}

/** SQL: the requests a council is for, as two sources that never share a request, each read from its own index:
 * those it leads, and those joined from its RequestAlsoFor rows whose lead council is another. A count reads them
 * apart, as the OR of requestIsForSql keeps the council out of the index condition (decision 050, addendum). Each
 * is `FROM … WHERE …`, to go on with `AND`. */
export function requestsForCouncilApart(alias: string, councilId: string) {
  const r = requestAlias(alias);
  return {
    led: Prisma.sql`FROM "Request" ${r} WHERE ${r}."councilId" = ${councilId}`,
    onlyAlsoFor: Prisma.sql`FROM "RequestAlsoFor" af JOIN "Request" ${r} ON ${r}.id = af."requestId"
      WHERE af."councilId" = ${councilId} AND ${r}."councilId" <> ${councilId}`,
  };
}

/** SQL: the ids of the other councils the request `alias` is for, as the column "alsoForIds". */
export function alsoForIdsColumn(alias: string) {
  const r = requestAlias(alias);
  return Prisma.sql`ARRAY(SELECT a."councilId" FROM "RequestAlsoFor" a WHERE a."requestId" = ${r}.id) AS "alsoForIds"`;
}

/** SQL: the names of the other councils the request `alias` is for that its pages name (NAMED_COUNCIL), as the
 * column "alsoForNames", in no order (leadThenOthers orders them). */
export function alsoForNamesColumn(alias: string) {
  const r = requestAlias(alias);
  return Prisma.sql`ARRAY(SELECT ac.name FROM "RequestAlsoFor" a JOIN "Organisation" ac ON ac.id = a."councilId"
      WHERE a."requestId" = ${r}.id AND ac.kind::text = ${NAMED_COUNCIL.kind}
        AND ac.status::text = ${NAMED_COUNCIL.status}) AS "alsoForNames"`;
}
