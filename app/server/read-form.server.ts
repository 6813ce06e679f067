// Every action reads its form through this. A body that cannot be parsed as the form it claims to be (a
// multipart body that is not one, an upload cut off half way) is the sender's fault: it is answered 400 with a
// plain explanation, not a 500.
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new Response("The form could not be read. Go back, then send it again.", {
      status: 400,
      statusText: "Bad Request",
    });
  }
}
