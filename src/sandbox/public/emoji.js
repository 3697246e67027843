// Slack emoji names → characters, for message text, reactions and rich text.

const EMOJI = {
  white_check_mark: "✅", heavy_check_mark: "✔️", ballot_box_with_check: "☑️", x: "❌", "+1": "👍", thumbsup: "👍", "-1": "👎", thumbsdown: "👎",
  eyes: "👀", tada: "🎉", warning: "⚠️", exclamation: "❗", question: "❓", red_circle: "🔴", large_yellow_circle: "🟡", yellow_circle: "🟡",
  large_green_circle: "🟢", green_circle: "🟢", white_circle: "⚪", large_blue_circle: "🔵", alarm_clock: "⏰", memo: "📝", pencil: "📝",
  bar_chart: "📊", chart_with_upwards_trend: "📈", chart_with_downwards_trend: "📉", pushpin: "📌", bell: "🔔", rocket: "🚀", fire: "🔥",
  star: "⭐", heavy_plus_sign: "➕", arrows_counterclockwise: "🔄", calendar: "📅", date: "📅", clipboard: "📋", point_right: "👉",
  ok_hand: "👌", pray: "🙏", muscle: "💪", construction: "🚧", moneybag: "💰", trophy: "🏆", first_place_medal: "🥇", second_place_medal: "🥈",
  third_place_medal: "🥉", arrow_up: "⬆️", arrow_down: "⬇️", small_red_triangle: "🔺", small_red_triangle_down: "🔻", hourglass: "⌛",
  rotating_light: "🚨", mega: "📣", loudspeaker: "📢", factory: "🏭", handshake: "🤝", smile: "😄", slightly_smiling_face: "🙂", raised_hands: "🙌",
  clap: "👏", heart: "❤️", sparkles: "✨", zap: "⚡", link: "🔗", paperclip: "📎", page_facing_up: "📄", inbox_tray: "📥", outbox_tray: "📤",
};

/** The quick picks offered under every message. */
export const REACTION_CHOICES = [
  ["white_check_mark", "✅"],
  ["+1", "👍"],
  ["eyes", "👀"],
  ["tada", "🎉"],
];

/** The character for an emoji name, or ":name:" as Slack shows an unknown one. */
export const emojiFor = (name) => EMOJI[name] ?? `:${name}:`;

export function emojiText(s) {
  return String(s).replace(/:([a-z0-9_+\-]+):/g, (_, name) => emojiFor(name));
}
