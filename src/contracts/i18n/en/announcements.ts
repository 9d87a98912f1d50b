import type { announcements as de } from "../de/announcements";

/** Announcements of the board or the coordination office to groups, and the choice to get them by mail. */
export const announcements: typeof de = {
  nav: "Announcements",
  navUnread: "unread",
  title: "Announcements",
  description: "Messages to you from the board or the coordination office.",
  empty: "No announcements yet.",
  unread: "New",
  essential: "Important",
  from: "From {{name}} on {{date}}",
  to: "To: {{audience}}",
  recipients: "{{count}} recipients",
  audience: {
    members: "All members",
    caregivers: "Day-care persons",
    parents: "Parents",
    parentsOfCaregiver: "Parents of the children of {{name}}",
    parentsOfCaregiverChoice: "Parents of one day-care person's children",
    board: "Board",
  },
  compose: {
    title: "New announcement",
    open: "Write an announcement",
    heading: "Heading",
    body: "Text",
    audience: "To whom?",
    caregiver: "Day-care person",
    isEssential: "Important: also send to people who turned announcement e-mails off",
    send: "Send",
    cancel: "Cancel",
    sent: "Sent to {{count}} people ({{mailed}} by e-mail).",
  },
  home: {
    unread_one: "You have {{count}} new announcement.",
    unread_other: "You have {{count}} new announcements.",
    link: "Read announcements",
  },
  settings: {
    title: "Announcement e-mails",
    text: "You always see announcements in the app. Here you choose whether you also get them by e-mail. Important announcements always come by e-mail.",
    label: "E-mails for announcements of {{organisation}}",
    saved: "Saved.",
    none: "You are not in any organisation yet.",
  },
};
