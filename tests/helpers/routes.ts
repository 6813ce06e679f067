// Call a route's loader or action directly with a real Request, as Remix would.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

const BASE = "http://localhost:3000";

type Loader = (args: LoaderFunctionArgs) => unknown;
type Action = (args: ActionFunctionArgs) => unknown;

type CallOptions = {
  path: string;
  cookie?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
};

// Thrown responses (redirects, 404s) are returned, so a test can assert on them like any other answer.
async function settle(run: () => unknown): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result ?? null), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

export function callLoader(loader: Loader, options: CallOptions) {
  const request = new Request(`${BASE}${options.path}`, {
    headers: { ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
  });
  return settle(() => loader({ request, params: options.params ?? {}, context: { cspNonce: "test" } }));
}

export function callAction(
  action: Action,
  options: CallOptions & { form?: Record<string, string | string[]> | FormData; body?: BodyInit },
) {
  let body: BodyInit | undefined = options.body;
  if (options.form instanceof FormData) body = options.form;
  else if (options.form) {
    const form = new FormData();
    for (const [key, value] of Object.entries(options.form)) {
      for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
    }
    body = form;
  }
  const request = new Request(`${BASE}${options.path}`, {
    method: "POST",
    body,
    headers: { origin: BASE, ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
  });
  return settle(() => action({ request, params: options.params ?? {}, context: { cspNonce: "test" } }));
}

export async function jsonOf<T = unknown>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
