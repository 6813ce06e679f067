// One page component rendered to HTML in a test, without a router: the page's hooks read the data a test puts in
// `pageData`, and Remix's links and forms become plain <a> and <form>. In a test file:
//
//   vi.mock("@remix-run/react", () => import("../helpers/remix-react-stub.ts").then((s) => s.remixReactStub()));
//   pageData.loaderData = await response.json();
//   const html = renderComponent(Page);
import { createElement, type ComponentType, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { vi } from "vitest";

export const pageData: {
  loaderData: unknown;
  actionData: unknown;
  // what useLocation() answers, for pages that build links from the address
  location: { pathname: string; search: string };
} = { loaderData: undefined, actionData: undefined, location: { pathname: "/", search: "" } };

// Props Remix's <Form> and <Link> take that are not HTML attributes.
const ROUTER_PROPS = new Set([
  "discover",
  "fetcherKey",
  "navigate",
  "prefetch",
  "preventScrollReset",
  "relative",
  "reloadDocument",
  "replace",
  "state",
  "unstable_viewTransition",
  "viewTransition",
]);

type Props = { children?: ReactNode } & Record<string, unknown>;

function htmlProps(props: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(props).filter(([name]) => !ROUTER_PROPS.has(name)));
}

function href(to: unknown) {
  if (typeof to === "string") return to;
  const {
    pathname = "",
    search = "",
    hash = "",
  } = to as { pathname?: string; search?: string; hash?: string };
  return `${pathname}${search}${hash}`;
}

export async function remixReactStub() {
  const actual = await vi.importActual<typeof import("@remix-run/react")>("@remix-run/react");
  return {
    ...actual,
    useLoaderData: () => pageData.loaderData,
    useActionData: () => pageData.actionData,
    // the root route's data (the switcher's organisation every posted form carries): none in a test
    useRouteLoaderData: () => undefined,
    useLocation: () => ({ ...pageData.location, hash: "", state: null, key: "test" }),
    // a page as first drawn: nothing being sent (the error summary takes focus only then)
    useNavigation: () => ({ state: "idle" }),
    Form: ({ children, ...props }: Props) => createElement("form", htmlProps(props), children),
    Link: ({ children, to, ...props }: Props) =>
      createElement("a", { ...htmlProps(props), href: href(to) }, children),
  };
}

export function renderComponent(component: ComponentType) {
  return renderToStaticMarkup(createElement(component));
}
