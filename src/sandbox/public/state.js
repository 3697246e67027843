// The page's one shared state object, and lookups into it.

const params = new URLSearchParams(location.search);

export const state = {
  user: params.get("user") || localStorage.getItem("sandbox.user") || "",
  workspace: "招商调度 沙盒",
  users: [],
  channels: [],
  summaryChannel: null,
  now: null,
  jobs: [],
  timeZone: "Asia/Shanghai", // until /state names the district's zone
  view: null, // { kind: "channel", id } | { kind: "home" }
  messages: [],
  refused: [],
  thread: null, // { channel, ts, messages }
  modal: null,
  modalSig: "",
  modalErrors: {},
  home: null,
  homeSig: "",
  unread: new Set(),
  history: JSON.parse(localStorage.getItem("sandbox.history") || "[]"),
  historyPos: -1,
  outcomes: null,
  travel: null, // { away, rule, banner, returnHome } from /state
  gen: 0, // bumped when the user or the channel changes, so stale answers are dropped
};

export function userById(id) {
  return state.users.find((u) => u.id === id);
}
export function userName(id) {
  const u = userById(id);
  return u ? u.real_name || u.name || id : id;
}
export function channelById(id) {
  return state.channels.find((c) => c.id === id);
}
export function channelLabel(ch) {
  if (!ch) return "";
  if (ch.is_im) return ch.user === state.user ? "招商调度（应用私信）" : `${userName(ch.user)} ↔ 招商调度`;
  return ch.name;
}
export function channelTitle(id) {
  const ch = channelById(id);
  if (!ch) return id;
  return ch.is_im ? channelLabel(ch) : `# ${ch.name}`;
}
