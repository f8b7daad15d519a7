/** Reads a response body to the end, counting the chunks it arrived in (a slow drip arrives in many). */
export async function readInChunks(body: ReadableStream<Uint8Array>): Promise<{ chunks: number; text: string }> {
  const reader = body.getReader();
  let chunks = 0;
  let text = '';
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks++;
    text += Buffer.from(read.value).toString('utf8');
  }
  return { chunks, text };
}
