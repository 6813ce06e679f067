// The browser's check of a form's size (app/ui/body-limits.ts, used by the shared Form) must count what the form
// would send as the server counts it (the Content-Length it declares): never less, or the form is sent and refused
// with its text lost, and only a little more, or a form the server would take is held back.
import { expect, it } from "vitest";
import {
  formBodyBytes,
  MAX_BODY_BYTES,
  MAX_EVIDENCE_POST_BYTES,
  maxBodyBytes,
  tooLargeForm,
} from "~/ui/body-limits.ts";

const form = () => {
  const data = new FormData();
  data.append("title", "Café & crèche, 100% local");
  data.append("bodyMarkdown", "Line one\r\nLine two: ✓ done, “quoted” + more");
  data.append("intent", "save");
  return data;
};

async function sentBytes(body: FormData | URLSearchParams) {
  return (await new Request("http://localhost/", { method: "POST", body }).arrayBuffer()).byteLength;
}

it("counts a form of text exactly as it is sent, URL-encoded", async () => {
  const data = form();
  const params = new URLSearchParams([...data.entries()].map(([k, v]) => [k, String(v)]));
  expect(formBodyBytes(data.entries(), false)).toBe(await sentBytes(params));
});

it.each([
  ["text only", form()],
  [
    "a file",
    (() => {
      const data = form();
      data.append(
        "evidence",
        new File([new Uint8Array(70_000)], "évidence report.pdf", { type: "application/pdf" }),
      );
      return data;
    })(),
  ],
])("counts a multipart form with %s as at least what is sent, and within a margin", async (_, data) => {
  const counted = formBodyBytes(data.entries(), true);
  const sent = await sentBytes(data);
  expect(counted).toBeGreaterThanOrEqual(sent);
  expect(counted - sent).toBeLessThan(1000);
});

it.each([
  ["POST", "/returns/r1", true, MAX_EVIDENCE_POST_BYTES],
  ["POST", "/returns/r1/", true, MAX_EVIDENCE_POST_BYTES],
  ["POST", "/returns/r1", false, MAX_BODY_BYTES],
  ["POST", "/returns/r1/review", true, MAX_BODY_BYTES],
  ["POST", "/requests/new", true, MAX_BODY_BYTES],
  ["PUT", "/returns/r1", true, MAX_BODY_BYTES],
])("allows %s %s (multipart: %s) %i bytes", (method, path, multipart, limit) => {
  expect(maxBodyBytes(method, path, multipart)).toBe(limit);
});

it("says a form over the limit is too large in the refusal page's words, naming the field most to blame", () => {
  const text = form();
  text.append("description", "x".repeat(MAX_BODY_BYTES));
  expect(
    tooLargeForm([...text.entries()], { method: "POST", pathname: "/requests/new", multipart: false }),
  ).toEqual({
    refusedRequest: "text",
    message: "Too much text. A form can hold up to 11 MB of text.",
    field: "description",
  });
  expect(
    tooLargeForm([...form().entries()], { method: "POST", pathname: "/requests/new", multipart: false }),
  ).toBeNull();

  const upload = form();
  upload.append("evidence", new File([new Uint8Array(MAX_BODY_BYTES)], "big.pdf"));
  const refused = (pathname: string) =>
    tooLargeForm([...upload.entries()], { method: "POST", pathname, multipart: true });
  expect(refused("/requests/new")).toEqual({
    refusedRequest: "upload",
    message: "The file is too large. Files must be 10 MB or smaller.",
    field: "evidence",
  });
  // a return's page takes a file this size, and says so next to its field itself
  expect(refused("/returns/r1")).toBeNull();
});
