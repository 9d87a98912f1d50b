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
  placementConfirm: {
    subject: "Please confirm: your request to {{organisation}}",
    body: "we have received your request for a day-care place for {{child}}: from {{start}}, {{times}}.\n\nPlease confirm with the link below that this e-mail address is yours. Only then do we pass the request on to the coordinators. You will choose a password for your parent access (or sign in with your account). The link is valid for {{days}} days and only once; without confirmation we delete the request afterwards.\n\nIf you did not make a request, simply delete this e-mail.",
    action: "Confirm the request",
  },
  placementConfirmed: {
    subject: "Your request for {{child}} has reached {{organisation}}",
    body: "your request for a day-care place for {{child}} from {{start}} ({{times}}) is confirmed. Under the published criteria it has {{points}} points.\n\nWhat happens next: the coordinators look for suitable day-care persons and will get in touch. You will learn of every decision by e-mail and on your page, where you can also change or withdraw the request.",
    action: "See my request",
  },
  placementWithdrawn: {
    subject: "Request for {{child}} withdrawn",
    body: "you have withdrawn your request for a day-care place for {{child}} at {{organisation}} (reason: {{reason}}). Any details of health and support needs you gave have been deleted.\n\nIf this was not you, please contact the coordinators at once.",
    action: "See the request",
  },
  placementClosed: {
    subject: "Request for {{child}} closed",
    body: "{{organisation}} has closed your request for a day-care place for {{child}}. Reason: {{reason}}. Any details of health and support needs you gave have been deleted.\n\nIf you have questions or still need a place, please contact the coordinators.",
    action: "See the request",
  },
  placementSuggested: {
    subject: "Suggestions for {{child}}",
    body: "the coordinators of {{organisation}} have chosen {{count}} day-care persons for {{child}} who suit your times ({{times}}) and where you live.\n\nOn your page you can see who they are and how they work. Get to know them, note your visits and tell us in which order you would accept them.",
    action: "See the suggestions",
  },
  placementOffered: {
    subject: "Offer of a place for {{child}}",
    body: "{{organisation}} offers you a place for {{child}} with {{caregiver}}, from {{offerStart}}.\n\nPlease accept or decline the offer on your page by {{respondBy}}. After that it lapses.",
    action: "See the offer",
  },
  placementPlaced: {
    subject: "{{child}} has a place with {{caregiver}}",
    body: "You have accepted the place for {{child}} with {{caregiver}} from {{offerStart}}. The request is now complete.\n\nYou sign the care contract with the day-care person and plan the settling-in with her.",
    action: "See the request",
  },
  placementCaregiverNotice: {
    subject: "New child: {{child}} from {{start}}",
    body: "through {{organisation}}, {{child}} comes to you from {{start}} ({{times}}). The family has accepted the offer.\n\nYour week with all children and free places is on your page.",
    action: "See my week",
  },
};
