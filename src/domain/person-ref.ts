// A person named inside a message the domain or a service writes. It becomes
// a real mention where Slack renders mrkdwn and the person's name where it
// shows plain text (form errors, the CLI), so nobody sees "<@U0DEMO01>" or
// "&lt;@U0DEMO01&gt;". The markers are private-use characters, which survive
// mrkdwn escaping and which typed text never carries (the grammar drops them).

const OPEN = "\uE000";
const CLOSE = "\uE001";
const REF = /\uE000([UW][A-Z0-9_]+)\uE001/g;

export const personRef = (userId: string): string => `${OPEN}${userId}${CLOSE}`;

/** The user ids named in a text, in order, once each. */
export function personRefsIn(text: string): string[] {
  return [...new Set([...text.matchAll(REF)].map((m) => m[1]!))];
}

/** For mrkdwn: each person as a Slack mention. */
export const refsAsMentions = (text: string): string => text.replace(REF, "<@$1>");

/** For plain text: each person by name; an unknown one as "@id" rather than a broken marker. */
export const refsAsNames = (text: string, names: Readonly<Record<string, string>>): string => text.replace(REF, (_, id: string) => names[id] ?? `@${id}`);

/** Removes the markers from text a person typed, so typed text can never pose as a reference. */
export const withoutRefMarkers = (text: string): string => text.replace(/[\uE000\uE001]/g, "");
