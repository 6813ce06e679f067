import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Links,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { actingMembership, getViewer } from "~/auth/permissions.server.ts";
import { clearSessionCookie, readSessionToken } from "~/auth/session.server.ts";
import { brandingFor, namedBranding, type Branding } from "~/domain/content/branding.server.ts";
import { NAMED_PARAMS, useNamedParam, type NamedParam } from "~/ui/acting-for.ts";
import { readFlash } from "~/ui/flash.server.ts";
import { ErrorPageContent, errorPageText } from "~/ui/error-page.tsx";
import { PageShell, type LayoutUser } from "~/ui/layout.tsx";
import { PageMeta } from "~/ui/page-meta.tsx";
import { useNonce } from "~/ui/nonce.tsx";
import stylesheet from "~/tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.ico" },
];

export const meta: MetaFunction = () => [{ title: "Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const url = new URL(request.url);
  const [{ flash, setCookie }, branding, ...named] = await Promise.all([
    readFlash(request),
    brandingFor(viewer, request),
    // the header of a page acting for an organisation its address names, used when its route says it does
    ...NAMED_PARAMS.map((param) => namedBranding(viewer, url.searchParams.get(param))),
  ]);
  const namedHeader: Partial<Record<NamedParam, Branding>> = {};
  NAMED_PARAMS.forEach((param, i) => {
    if (named[i] !== undefined) namedHeader[param] = named[i] as Branding;
  });
  const user: LayoutUser | null = viewer
    ? {
        name: viewer.user.name,
        signedIn: true,
        kinds: Array.from(new Set(viewer.memberships.map((m) => m.kind))),
        isCouncilAdmin: viewer.memberships.some((m) => m.kind === "COUNCIL" && m.role === "ADMIN"),
        isPlatformAdmin: viewer.user.isPlatformAdmin,
        surveyAccess: viewer.memberships.some((m) => m.kind === "COUNCIL" && m.surveyAccess),
      }
    : null;
  // the organisation the header switcher is on: every posted form carries it (app/ui/form-for.tsx)
  const shownFor = viewer
    ? actingMembership(viewer, request, { kinds: ["COUNCIL", "SUPPLIER", "VCSE"] })?.organisationId
    : undefined;
  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  // a session cookie that is no longer a session (ended, expired, its account deleted) is cleared, as Lucia's
  // guide asks, instead of being sent (and looked up) with every request until the browser drops it
  if (!viewer && readSessionToken(request)) headers.append("Set-Cookie", clearSessionCookie());
  return json({ user, flash, branding, namedHeader, shownFor }, { headers });
}

function Document({ children, title }: { children: ReactNode; title?: string }) {
  const nonce = useNonce();
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <PageMeta title={title} />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { user, flash, branding, namedHeader } = useLoaderData<typeof loader>();
  // the organisation the page acts for: the switcher's, or one the page's address names (app/ui/acting-for.ts)
  const named = useNamedParam();
  const header = named && named in namedHeader ? (namedHeader[named] ?? null) : branding;
  return (
    <Document>
      <PageShell user={user} flash={flash} branding={header}>
        <Outlet />
      </PageShell>
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const text = errorPageText(error);
  return (
    <Document title={`${text.title} – Social Value Marketplace`}>
      <PageShell user={data?.user ?? null} flash={null} branding={data?.branding ?? null}>
        <ErrorPageContent error={error} />
      </PageShell>
    </Document>
  );
}
