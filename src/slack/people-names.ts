import type { App } from "@slack/bolt";

// Names for plain text (form errors), where a mention cannot render: looked
// up with users.info. Whoever cannot be looked up is left out of the map and
// shown as @id by refsAsNames, which is still better than a broken message.

export async function namesOf(client: App["client"], userIds: string[]): Promise<Record<string, string>> {
  const found = await Promise.all(
    userIds.map(async (id) => {
      const r = await client.users.info({ user: id }).catch(() => null);
      const u = r?.user as { real_name?: string; name?: string; profile?: { display_name?: string; real_name?: string } } | undefined;
      const name = u?.real_name || u?.profile?.real_name || u?.profile?.display_name || u?.name;
      return name ? ([id, name] as const) : null;
    }),
  );
  return Object.fromEntries(found.filter((x): x is readonly [string, string] => x !== null));
}
