// Drive a running FakeSent with Node's fetch: create a profile, send, advance, read back.
// Usage: node drive.mjs BASE_URL API_KEY  (python -m sent_async.testing prints both)
const [base, key] = process.argv.slice(2);

async function call(method, path, body, headers = {}) {
  const response = await fetch(base + path, {
    method,
    headers: { "x-api-key": key, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const doc = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(doc)}`);
  return doc;
}

const profile = (await call("POST", "/v3/profiles", { name: "Node Clinic" })).data.id;
const scoped = { "x-profile-id": profile };
const sent = await call("POST", "/v3/messages", { to: ["+14155550123"], text: "Hello from Node" }, scoped);
const messageId = sent.data.recipients[0].message_id;

// The admin API needs no key: one step at a time, QUEUED -> SENT -> DELIVERED.
await call("POST", "/__fake/messages/advance");
await call("POST", "/__fake/messages/advance");

const message = (await call("GET", `/v3/messages/${messageId}`, undefined, scoped)).data;
const stats = await call("GET", "/__fake/stats");
console.log(messageId, message.status, stats.messages.total);
