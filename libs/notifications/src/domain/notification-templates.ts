/**
 * What the centre tells citizens by SMS (docs/product.md, "Citizen notifications"): one zh-CN template
 * per kind, rendered here and delivered as written by the SMS/WeChat gateway. Rules as data.
 */
export const NOTIFICATION_KINDS = [
  'verification_code',
  'case_registered',
  'case_resolved',
  'callback_survey',
  'submission_answered',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Long replies are cut so that a message stays within what one long SMS carries. */
export const MAX_TEXT_LENGTH = 500;
const ELLIPSIS = '…';

export interface TemplateParams {
  code?: string;
  caseNumber?: string;
  reply?: string;
  minutes?: number;
}

const TEMPLATES: Record<NotificationKind, (p: Required<TemplateParams>) => string> = {
  verification_code: (p) => `【12345】您的验证码为${p.code}，${p.minutes}分钟内有效。请勿告诉他人。`,
  case_registered: (p) =>
    `【12345】您反映的诉求已受理，工单号${p.caseNumber}。可凭工单号和手机号在网上12345查询办理进度。`,
  case_resolved: (p) => `【12345】您的诉求（工单号${p.caseNumber}）已办结。承办单位答复：${p.reply}`,
  callback_survey: (p) =>
    `【12345】请对工单${p.caseNumber}的办理结果进行评价：登录网上12345或北京通App，凭手机号查询该工单后评价。`,
  submission_answered: (p) => `【12345】您在网上提交的诉求已答复：${p.reply}`,
};

/** The message for `kind`, cut to MAX_TEXT_LENGTH characters (code points: Chinese text counts per character). */
export function renderNotification(kind: NotificationKind, params: TemplateParams): string {
  const text = TEMPLATES[kind]({ code: '', caseNumber: '', reply: '', minutes: 0, ...params });
  const chars = Array.from(text);
  return chars.length <= MAX_TEXT_LENGTH ? text : chars.slice(0, MAX_TEXT_LENGTH - 1).join('') + ELLIPSIS;
}

/** The text as the centre keeps it: a verification code is never stored or shown, only sent. */
export function storedText(kind: NotificationKind, params: TemplateParams): string {
  return renderNotification(kind, kind === 'verification_code' ? { ...params, code: '******' } : params);
}
