/** Creates a board through the real HTTP API, as a client would; returns its id. */
export async function createTestBoard(
  baseUrl: string,
  template: 'empty' | 'demo',
  name = 'SY1 board',
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, template }),
  });
  if (response.status !== 201)
    throw new Error(`creating a board failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { board: { id: string } };
  return body.board.id;
}
