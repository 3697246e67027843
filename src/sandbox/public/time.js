// Times shown and entered in the district's time zone (state.timeZone), not the browser's.
import { state } from "./state.js";

const WEEKDAYS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

/** A Slack ts ("1700000000.000100"), epoch seconds or ms, or an ISO string → ms. */
export function tsToMs(ts) {
  if (ts === undefined || ts === null) return NaN;
  if (typeof ts === "number") return ts > 1e12 ? ts : ts * 1000;
  if (/^\d+(\.\d+)?$/.test(String(ts))) return Number(ts) * 1000;
  return Date.parse(ts);
}

function fmt(ms, opts) {
  if (!Number.isFinite(ms)) return "";
  try {
    return new Intl.DateTimeFormat("zh-CN", { timeZone: state.timeZone, hourCycle: "h23", ...opts }).format(new Date(ms));
  } catch {
    return new Date(ms).toLocaleString("zh-CN");
  }
}
export const fmtTime = (ms) => fmt(ms, { hour: "2-digit", minute: "2-digit" });
export const fmtDay = (ms) => fmt(ms, { year: "numeric", month: "long", day: "numeric", weekday: "long" });

/** "YYYY-MM-DD 周X HH:MM", or "" for a bad instant. */
export function fmtFull(ms) {
  if (!Number.isFinite(ms)) return "";
  const p = zonedParts(ms);
  const wd = WEEKDAYS[new Date(Date.UTC(+p.year, +p.month - 1, +p.day)).getUTCDay()];
  return `${p.year}-${p.month}-${p.day} ${wd} ${hhmm(p)}`;
}

/** Parts of an instant in the district's time zone. */
function zonedParts(ms) {
  const p = {};
  for (const { type, value } of new Intl.DateTimeFormat("en-US", {
    timeZone: state.timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(new Date(ms))) p[type] = value;
  return p;
}
// Some engines still print midnight as "24" despite h23.
const hhmm = (p) => `${p.hour === "24" ? "00" : p.hour}:${p.minute}`;

/** ms → "YYYY-MM-DDTHH:MM" (value of a datetime-local input) in the district's zone. */
export function toLocalInput(ms) {
  const p = zonedParts(ms);
  return `${p.year}-${p.month}-${p.day}T${hhmm(p)}`;
}
/** "YYYY-MM-DDTHH:MM" read as wall time in the district's zone → ISO (UTC) string. */
export function fromLocalInput(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value || "");
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0));
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(guess);
    const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
    guess = wall - (asUtc - guess);
  }
  return new Date(guess).toISOString();
}
