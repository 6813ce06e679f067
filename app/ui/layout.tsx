import { Link, NavLink } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { useEffect, useRef, type CSSProperties, type ReactNode } from "react";
import type { Branding } from "~/domain/content/branding.server.ts";
import { brandColourToShow, mixHexColour } from "~/domain/content/brand-colour.ts";
import type { Flash } from "./flash.server.ts";
import { navigationFor, type NavViewer } from "./navigation.ts";

export type LayoutUser = { name: string } & NavViewer;

export function SkipLink() {
  return (
    <a
      href="#main-content"
      className="sr-only bg-focus p-2 text-ink focus:not-sr-only focus:absolute focus:top-0 focus:left-0 focus:z-50"
    >
      Skip to main content
    </a>
  );
}

function brandShades(stored: string) {
  // a colour saved before it was checked, or by hand, that is not one an admin could save: the default instead
  const colour = brandColourToShow(stored);
  return {
    "--color-brand": colour,
    "--color-brand-dark": mixHexColour(colour, "black", 0.7),
    "--color-brand-light": mixHexColour(colour, "white", 0.15),
    backgroundColor: colour,
  } as CSSProperties;
}

export function Header({ user, branding = null }: { user: LayoutUser | null; branding?: Branding }) {
  const viewer: NavViewer = user ?? {
    signedIn: false,
    kinds: [],
    isCouncilAdmin: false,
    isPlatformAdmin: false,
    surveyAccess: false,
  };
  const items = navigationFor(viewer);
  return (
    // the council's own colour (checked for contrast with white text when an admin sets it), and the shades the
    // header uses of it: the navigation bar darker still (more contrast with its white links), the rule beneath
    // it lighter.
    <header
      className="no-print border-b-8 border-brand-light bg-brand text-white"
      style={branding ? brandShades(branding.brandColour) : undefined}
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link
          to="/"
          className="min-w-0 text-xl font-bold text-white no-underline wrap-anywhere hover:text-white"
        >
          {branding ? <span className="block text-sm font-normal">{branding.councilName}</span> : null}
          Social Value Marketplace
        </Link>
        <div className="flex min-w-0 flex-wrap items-center gap-4">
          {user ? (
            <>
              {/* a name of one long word breaks to fit rather than widen the page (WCAG 1.4.10) */}
              <Link to="/account" className="min-w-0 text-white wrap-anywhere hover:text-white">
                {user.name}
                <span className="sr-only"> (your account)</span>
              </Link>
              <Form method="post" action="/sign-out">
                <button type="submit" className="text-white underline">
                  Sign out
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to="/sign-in" className="text-white hover:text-white">
                Sign in
              </Link>
              <Link to="/sign-up" className="text-white hover:text-white">
                Create an account
              </Link>
            </>
          )}
        </div>
      </div>
      <nav aria-label="Main" className="bg-brand-dark">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-6 gap-y-1 px-4 py-2">
          {items.map((item) => (
            <li key={item.to}>
              <NavLink
                to={item.to}
                end={item.to === "/"}
                className={({ isActive }) =>
                  `text-white hover:text-white ${isActive ? "font-bold underline decoration-4" : "no-underline"}`
                }
              >
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

export function Footer() {
  return (
    <footer className="no-print mt-16 border-t-4 border-brand bg-gray-100">
      <div className="mx-auto flex max-w-6xl flex-wrap gap-6 px-4 py-8 text-sm">
        <p>Social Value Marketplace — run by the councils of the partnership.</p>
        <ul className="flex flex-wrap gap-4">
          <li>
            <Link to="/accessibility">Accessibility statement</Link>
          </li>
          <li>
            <Link to="/privacy">Privacy notice</Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}

// The one-off message after a change (Post/Redirect/Get) takes focus, as GOV.UK's notification banner does after an
// action: the button pressed is usually gone from the page that follows (a return submitted shows no form), and with
// JavaScript the page comes without a new document, so focus fell to <body> and a screen reader said nothing of what
// had happened. Each new message takes it (a flash is read once, so each is a new one); without JavaScript the browser
// does it (autofocus), except on a page opened at a #fragment, which the browser scrolls to instead.
export function FlashBanner({ flash }: { flash: Flash | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (flash) ref.current?.focus();
  }, [flash]);
  if (!flash) return null;
  const border = { success: "border-success", info: "border-brand", error: "border-error" }[flash.kind];
  return (
    <div
      ref={ref}
      tabIndex={-1}
      // eslint-disable-next-line jsx-a11y/no-autofocus -- GOV.UK's notification banner takes focus after an action
      autoFocus
      role={flash.kind === "error" ? "alert" : "status"}
      className={`mb-6 border-4 ${border} p-4 font-bold focus:outline-3 focus:outline-focus`}
    >
      {flash.message}
    </div>
  );
}

export function PageShell({
  user,
  flash,
  branding = null,
  children,
}: {
  user: LayoutUser | null;
  flash: Flash | null;
  branding?: Branding;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <Header user={user} branding={branding} />
      <main
        id="main-content"
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none"
      >
        <FlashBanner flash={flash} />
        {children}
      </main>
      <Footer />
    </div>
  );
}
