import { signedHeaders, type SlackStandin } from "../slack-standin/index.ts";

// Plays Slack's part towards the bot: every slash command, button, form
// submission and event the sandbox page produces is sent to the bot exactly
// as Slack sends it (signed HTTP POSTs to /slack/events). It also remembers
// which modal each user has open, from the bot's views.* calls.

export interface BotBridge {
  command(user: string, channel: string, text: string): Promise<number>;
  action(user: string, where: { channel?: string; messageTs?: string; viewId?: string }, action: Record<string, unknown>): Promise<number>;
  submit(user: string, viewId: string, values: unknown): Promise<{ closed: boolean; errors?: Record<string, string> }>;
  closeView(user: string, viewId: string): void;
  event(event: Record<string, unknown>): Promise<number>;
  topModal(user: string): string | null;
  /** Closes every modal of the user (a reloaded page, like Slack's client, has none open). */
  closeAll(user: string): void;
}

export function createBotBridge(standin: SlackStandin, botEvents: string, signingSecret: string): BotBridge {
  const team = { id: standin.bot.teamId, domain: standin.bot.teamDomain };
  const triggerUser = new Map<string, string>();
  const modals = new Map<string, string[]>();
  let seq = 0;

  standin.on("call", (c) => {
    if (!c.ok || !c.response) return;
    const view = (c.response as { view?: { id: string } }).view;
    if (!view) return;
    // A new modal (views.open) replaces whatever was open; only views.push stacks.
    // Otherwise stale forms piled up and an old one could cover the one just asked for.
    const user = triggerUser.get(String(c.args.trigger_id));
    if (user && c.method === "views.open") modals.set(user, [view.id]);
    if (user && c.method === "views.push") modals.set(user, [...(modals.get(user) ?? []), view.id]);
  });

  async function post(body: string): Promise<Response> {
    return fetch(botEvents, { method: "POST", body, headers: { ...signedHeaders(signingSecret, body) } });
  }
  const trigger = (user: string) => {
    const t = standin.issueTriggerId();
    triggerUser.set(t, user);
    return t;
  };
  const userObj = (user: string) => ({ id: user, username: standin.workspace.users.get(user)?.name ?? user, name: standin.workspace.users.get(user)?.name ?? user, team_id: team.id });

  return {
    async command(user, channel, text) {
      const res = await post(
        new URLSearchParams({
          token: "sandbox", team_id: team.id, team_domain: team.domain, channel_id: channel, channel_name: standin.workspace.channels.get(channel)?.name ?? channel,
          user_id: user, user_name: userObj(user).name, command: "/project", text, api_app_id: standin.bot.appId,
          response_url: standin.responseUrl(`sb${++seq}`, { channel, user }), trigger_id: trigger(user),
        }).toString(),
      );
      return res.status;
    },
    async action(user, where, action) {
      const view = where.viewId === "home" ? standin.homeView(user) : where.viewId ? standin.view(where.viewId) : undefined;
      const payload: Record<string, unknown> = {
        type: "block_actions",
        user: userObj(user),
        team,
        api_app_id: standin.bot.appId,
        token: "sandbox",
        trigger_id: trigger(user),
        actions: [{ ...action, action_ts: String(Date.now() / 1000) }],
        ...(where.channel ? { channel: { id: where.channel, name: standin.workspace.channels.get(where.channel)?.name } } : {}),
        ...(where.messageTs ? { message: { ts: where.messageTs, type: "message" }, container: { type: "message", message_ts: where.messageTs, channel_id: where.channel } } : {}),
        ...(where.channel ? { response_url: standin.responseUrl(`sb${++seq}`, { channel: where.channel, user, messageTs: where.messageTs }) } : {}),
        ...(view ? { view: { ...view, type: view.type }, container: { type: "view", view_id: view.id } } : {}),
      };
      return (await post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString())).status;
    },
    async submit(user, viewId, values) {
      const view = standin.view(viewId);
      if (!view) return { closed: true };
      const payload = { type: "view_submission", user: userObj(user), team, api_app_id: standin.bot.appId, token: "sandbox", trigger_id: trigger(user), view: { ...view, state: { values }, hash: `h${++seq}` } };
      const res = await post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
      const text = await res.text();
      const answer = text ? (JSON.parse(text) as { response_action?: string; errors?: Record<string, string> }) : {};
      if (answer.response_action === "errors") return { closed: false, errors: answer.errors };
      this.closeView(user, viewId);
      return { closed: true };
    },
    closeView(user, viewId) {
      modals.set(user, (modals.get(user) ?? []).filter((id) => id !== viewId));
    },
    async event(event) {
      const body = JSON.stringify({ token: "sandbox", team_id: team.id, api_app_id: standin.bot.appId, type: "event_callback", event_id: `Ev${Date.now()}${++seq}`, event_time: Math.floor(Date.now() / 1000), event });
      return (await post(body)).status;
    },
    closeAll(user) {
      modals.delete(user);
    },
    topModal(user) {
      return modals.get(user)?.at(-1) ?? null;
    },
  };
}
