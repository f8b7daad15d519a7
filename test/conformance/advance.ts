/** POSTs to a simulator's /__sim/advance (its full URL): the clock moves on and `changes` changes happen. */
export async function postAdvance(advanceUrl: string, changes: number): Promise<void> {
  const res = await fetch(advanceUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ changes }) });
  if (res.status !== 200) throw new Error(`${advanceUrl} answered ${res.status}: ${await res.text()}`);
}
