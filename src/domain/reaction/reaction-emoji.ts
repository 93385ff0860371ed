/*
 * The reactions a message can take: a bounded set of Slack-style short codes, each standing for one
 * emoji. Short codes rather than the characters themselves, because one emoji has several encodings
 * (with and without U+FE0F, skin tones) that would count apart, and a bounded set keeps a message's
 * reactions bounded too (at most this many counts per message). Clients render the glyph.
 */
export const REACTION_GLYPHS = {
  '+1': '👍',
  '-1': '👎',
  heart: '❤️',
  joy: '😂',
  laughing: '😆',
  smile: '😄',
  slightly_smiling_face: '🙂',
  wink: '😉',
  heart_eyes: '😍',
  thinking_face: '🤔',
  open_mouth: '😮',
  cry: '😢',
  sob: '😭',
  rage: '😡',
  scream: '😱',
  tada: '🎉',
  fire: '🔥',
  rocket: '🚀',
  eyes: '👀',
  clap: '👏',
  pray: '🙏',
  raised_hands: '🙌',
  muscle: '💪',
  ok_hand: '👌',
  wave: '👋',
  '100': '💯',
  white_check_mark: '✅',
  x: '❌',
  question: '❓',
  star: '⭐',
} as const;

export type ReactionEmoji = keyof typeof REACTION_GLYPHS;

export const REACTION_EMOJI = Object.keys(REACTION_GLYPHS) as [ReactionEmoji, ...ReactionEmoji[]];

export function isReactionEmoji(raw: string): raw is ReactionEmoji {
  return Object.hasOwn(REACTION_GLYPHS, raw);
}
