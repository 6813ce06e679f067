import { isRouteErrorResponse } from "@remix-run/react";
import { errorText, otherErrorText, refusedRequestText, type RefusedRequest } from "~/ui/error-text.ts";

// What the whole site's error page says for an error (the status a route answered, or any other failure as the
// service's own problem): root.tsx and the routes with an error page of their own, for the errors they leave to it.
export function errorPageText(error: unknown) {
  if (isRouteErrorResponse(error) && error.status === 403 && isRefusal(error.data)) return error.data.refused;
  if (isRouteErrorResponse(error) && isRefusedRequest(error.data))
    return refusedRequestText[error.data.refusedRequest];
  return (isRouteErrorResponse(error) && errorText[error.status]) || otherErrorText;
}

// A 403 that says what was refused and who can allow it (Refusal in app/auth/permissions.server.ts)
function isRefusal(data: unknown): data is { refused: { title: string; body: string } } {
  const refused = (data as { refused?: { title?: unknown; body?: unknown } } | null)?.refused;
  return typeof refused?.title === "string" && typeof refused.body === "string";
}

// An address that could not be read or a body over the size limit (refusedBeforeRoutes in app/server/http.ts)
function isRefusedRequest(data: unknown): data is { refusedRequest: RefusedRequest } {
  const refused = (data as { refusedRequest?: unknown } | null)?.refusedRequest;
  return typeof refused === "string" && Object.hasOwn(refusedRequestText, refused);
}

export function ErrorPageContent({ error }: { error: unknown }) {
  const text = errorPageText(error);
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{text.title}</h1>
      <p className="mb-4">{text.body}</p>
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </>
  );
}
