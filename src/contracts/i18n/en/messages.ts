import type { messages as de } from "../de/messages";

export const messages: typeof de = {
  outbox: {
    title: "Outbox",
    intro:
      "The latest 200 e-mails of the platform, newest first. Without a mail server, mails only end up here – links in them (e.g. to reset a password) can be opened directly.",
    forbidden: "Only platform admins may see the outbox.",
    empty: "No e-mails yet.",
    count_one: "{{count}} e-mail",
    count_other: "{{count}} e-mails",
    listLabel: "E-mails in the outbox",
    to: "To",
    error: "Error",
    showText: "Show text",
    hideText: "Hide text",
    refresh: "Refresh",
    statuses: {
      pending: "Waiting",
      sending: "Sending",
      sent: "Sent",
      stored: "Stored only",
      failed: "Failed",
    },
  },
};
