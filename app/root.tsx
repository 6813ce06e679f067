import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Links,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { actingMembership, getViewer } from "~/auth/permissions.server.ts";
import { clearSessionCookie, readSessionToken } from "~/auth/session.server.ts";
import { brandingOfMemberships, type Branding } from "~/domain/content/branding.server.ts";
import { useActingOrganisation, usePageBranding } from "~/ui/acting-for.ts";
import { readFlash } from "~/ui/flash.server.ts";
import { ErrorPageContent, errorPageText } from "~/ui/error-page.tsx";
import { PageSizeCheck } from "~/ui/form-for.tsx";
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
  // the header of each of the viewer's organisations: the switcher's, or the one the page acts for (see App)
  const [{ flash, setCookie }, memberBranding] = await Promise.all([
    readFlash(request),
    brandingOfMemberships(viewer),
  ]);
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
  const branding: Branding = shownFor ? (memberBranding[shownFor] ?? null) : null;
  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  // a session cookie that is no longer a session (ended, expired, its account deleted) is cleared, as Lucia's
  // guide asks, instead of being sent (and looked up) with every request until the browser drops it
  if (!viewer && readSessionToken(request)) headers.append("Set-Cookie", clearSessionCookie());
  return json({ user, flash, branding, memberBranding, shownFor }, { headers });
}

function Document({ children, title }: { children: ReactNode; title?: string }) {
  const nonce = useNonce();
  // Remix's "Disabling JavaScript": a page whose route says `hydrate: false` in its `handle` is sent without
  // scripts (no JavaScript, no loader data written into it for hydration); every page works without them anyway.
  // Only the council dashboard says so (decisions 029 and 044).
  const scripts = !useMatches().some(
    (match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate === false,
  );
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
        {scripts ? <Scripts nonce={nonce} /> : null}
      </body>
    </html>
  );
}

// The header the page shows: a public page's own council's for everyone (its guidance); else the organisation the
// page acts for when its route says which and the viewer is in it (app/ui/acting-for.ts; the route itself answers
// 404 otherwise); else the switcher's.
function useHeaderBranding(branding: Branding, memberBranding: Record<string, Branding>): Branding {
  const actingFor = useActingOrganisation();
  const pageBranding = usePageBranding();
  if (pageBranding !== undefined) return pageBranding;
  // own keys only: an address naming "toString" is no organisation
  return actingFor && Object.hasOwn(memberBranding, actingFor)
    ? (memberBranding[actingFor] ?? null)
    : branding;
}

export default function App() {
  const { user, flash, branding, memberBranding } = useLoaderData<typeof loader>();
  const header = useHeaderBranding(branding, memberBranding);
  return (
    <Document>
      <PageShell user={user} flash={flash} branding={header}>
        {/* a form too large to send is said by the page's error summary when it has none of its own */}
        <PageSizeCheck>
          <Outlet />
        </PageSizeCheck>
      </PageShell>
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const text = errorPageText(error);
  // the header of the page that failed, picked as App picks it: a page refused for the council its address names
  // is shown under that council's header, not the switcher's
  const header = useHeaderBranding(data?.branding ?? null, data?.memberBranding ?? {});
  return (
    <Document title={`${text.title} – Social Value Marketplace`}>
      <PageShell user={data?.user ?? null} flash={null} branding={header}>
        <ErrorPageContent error={error} />
      </PageShell>
    </Document>
  );
}
