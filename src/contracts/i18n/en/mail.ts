import type { mail as de } from "../de/mail";

export const mail: typeof de = {
  greeting: "Hello {{name}},",
  footer: "KTP-Netz – family day care, connected. This e-mail was sent automatically.",
  passwordReset: {
    subject: "New password for KTP-Netz",
    body: "You asked for a new password. The link is valid for {{minutes}} minutes and only once.\n\nIf this was not you, simply delete this e-mail. Your password stays unchanged.",
    action: "Set a new password",
  },
  invitation: {
    subject: "Invitation to {{organisation}} on KTP-Netz",
    body: "{{inviter}} invites you to {{organisation}} on KTP-Netz (role: {{roles}}).\n\nThe link is valid for 14 days.",
    action: "Accept the invitation",
  },
  deadlineReminder: {
    subject: "Deadline: {{deadline}} on {{dueOn}}",
    body: "at {{organisation}} this deadline is coming up: {{deadline}} – due on {{dueOn}}.\n\nPlease take care of it in time or talk to your coordinator.",
    action: "See deadlines",
  },
  deadlineOverdue: {
    subject: "Overdue: {{deadline}} (since {{dueOn}})",
    body: "at {{organisation}} this deadline has passed: {{deadline}} – it was due on {{dueOn}}.\n\nPlease contact your coordinator.",
    action: "See deadlines",
  },
};
