/**
 * Words that carry no subject in a caller's question (请问, 怎么, 我家, 了, 吗 …): dropped from questions
 * before they become a search, so an entry is not found for sharing a 怎么 with the question
 * (docs/decisions.md, "Knowledge base (issue 12)"). Documents keep them: they cost nothing there.
 */
export const STOP_WORDS: readonly string[] = [
  // greetings and asking
  '你好 您好 请问 请 问 问一下 问问 想问 咨询 咨询一下 一下 麻烦 帮忙 帮 谢谢',
  // question words
  '怎么 怎么办 怎样 怎么样 如何 为什么 为啥 什么 啥 哪些 哪里 哪儿 哪个 哪 多少 几 是否 能否 能不能 可不可以 是不是 有没有 行不行',
  // particles
  '吗 呢 吧 啊 呀 哦 嗯 嘛 了 的 地 得 着 过 么',
  // the caller's people and places
  '我 我家 我们 咱们 你 你们 您 他 她 它 他们 她们 自己 这 那 这个 那个 这里 那里 这边 那边 这儿 那儿',
  // connectives, adverbs, auxiliaries
  '和 与 及 或 或者 以及 还是 是 在 有 没有 就 都 也 还 又 很 太 非常 特别 比较 把 被 给 让 对 向 从 到 于 为 因为 所以',
  '但是 可是 然后 现在 已经 一直 要 想 需要 应该 能 会 可以 去 来 说 知道 一个 个 些 等 等等 不 没',
].flatMap((line) => line.split(' '));
