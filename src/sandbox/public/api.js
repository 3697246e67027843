// Talking to the sandbox server's JSON API.
import { toast } from "./dom.js";
import { scheduleRefresh } from "./live.js";

export const API = "/sandbox/api";
// The server hands each page a token and accepts actions only with it (see sandbox-server.ts).
const TOKEN = document.querySelector('meta[name="sandbox-token"]')?.getAttribute("content") ?? "";

/** GET, or POST when there is a body; throws with the server's error text. */
export async function api(path, body) {
  const init = body === undefined ? { headers: { "x-sandbox-token": TOKEN } } : { method: "POST", headers: { "content-type": "application/json", "x-sandbox-token": TOKEN }, body: JSON.stringify(body) };
  const res = await fetch(API + path, init);
  const raw = await res.text();
  let data = null;
  try {
    data = raw ? JSON.parse(raw) : {};
  } catch {
    data = { raw };
  }
  if (!res.ok) {
    const err = new Error((data && (data.error || data.message)) || `HTTP ${res.status}`);
    err.status = res.status;
    err.data = data;
    throw err;
  }
  return data;
}

/** Query string without the undefined/null entries. */
export const q = (o) => new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)).toString();

/** A user's action: failure becomes a toast (and null), and the page refreshes either way. */
export async function post(path, body, what) {
  try {
    const r = await api(path, body);
    scheduleRefresh();
    return r;
  } catch (e) {
    toast(`${what || "请求"}失败：${e.message}`);
    scheduleRefresh();
    return null;
  }
}
