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
    body: "You have accepted the place for {{child}} with {{caregiver}} from {{offerStart}}. The request is now complete.\n\nYou sign the care contract with the day-care person and plan the settling-in with her. Please tell her yourself what she needs to know about health, allergies or support needs: we deleted what you told us about them now that the request is complete.",
    action: "See the request",
  },
  placementCaregiverNotice: {
    subject: "New child: {{child}} from {{start}}",
    body: "through {{organisation}}, {{child}} comes to you from {{start}} ({{times}}). The family has accepted the offer.\n\nYour week with all children and free places is on your page.",
    action: "See my week",
  },
  placementRoundOpened: {
    subject: "Allocation round “{{round}}”: please give your order by {{deadline}}",
    body: "{{organisation}} allocates the places from {{startDate}} in a joint allocation round. The request for {{child}} takes part.\n\nOn your page you see the day-care persons suggested to you. Please say there, by {{deadline}}, in which order you would accept them. Without an order, the nearest with free places at your times counts.\n\nPlaces are allocated under the published criteria. You will learn the result by e-mail.",
    action: "Give your order",
  },
  placementRoundReview: {
    subject: "Allocation round “{{round}}”: check your list by {{deadline}}",
    body_one:
      "{{organisation}} allocates the places from {{startDate}} in a joint allocation round. One child fits your free places.\n\nIf you already know the family or something speaks against it, please tell the coordination office by {{deadline}}.",
    body: "{{organisation}} allocates the places from {{startDate}} in a joint allocation round. {{count}} children fit your free places.\n\nThey are listed in the order of the published criteria. If you want to deviate from it, you can do so on your page by {{deadline}} — with a short reason, which is recorded.",
    action: "See the list",
  },
  placementRoundUnplaced: {
    subject: "Allocation round “{{round}}”: no place yet for {{child}}",
    body: "in the allocation round of {{organisation}} we could not yet offer {{child}} a place. Your page shows why.\n\nYour request stays open. The coordination office keeps looking and will contact you as soon as a place becomes free, for example in a follow-up round.",
    action: "See the request",
  },
  placementRoundCaregiver: {
    subject_one: "Allocation round “{{round}}”: one child for you",
    subject: "Allocation round “{{round}}”: {{count}} children for you",
    body_one:
      "in the allocation round of {{organisation}}, one child was allocated to you: {{children}}. The family has received an offer.\n\nAs soon as they accept, the child appears in your week.",
    body: "in the allocation round of {{organisation}}, {{count}} children were allocated to you: {{children}}. Their families have received an offer.\n\nAs soon as a family accepts, the child appears in your week.",
    action: "See my week",
  },
  placementOfferLapsed: {
    subject: "Offer for {{child}} lapsed",
    body: "the time to answer the offer of a place with {{caregiver}} ran out on {{respondBy}} without an answer. The place will now be offered to other families.\n\nYour request stays open. The coordination office will get back to you with a new suggestion; if you still want the place, please call them at once.",
    action: "See the request",
  },
  placementOfficeOfferDeclined: {
    subject: "Offer declined: {{child}} with {{caregiver}}",
    body: "the family of {{child}} declined the offer of a place with {{caregiver}} from {{offerStart}}. The place is free again; the request is back among the suggestions.",
    action: "Open the request",
  },
  placementOfficeOfferLapsed: {
    subject: "Offer lapsed: {{child}} with {{caregiver}}",
    body: "the family of {{child}} did not answer the offer of a place with {{caregiver}} from {{offerStart}} by {{respondBy}}. The place is free again; the request is back among the suggestions.",
    action: "Open the request",
  },
  placementRoundReminder: {
    subject: "Reminder: your order for {{child}} by {{deadline}}",
    body_one:
      "in the allocation round “{{round}}” of {{organisation}} you have not yet said whether you would accept the day-care person suggested for {{child}}. You can do so until {{deadline}}.\n\nWithout your answer, the nearest with free places at your times counts — perhaps not the one you would like best.",
    body: "in the allocation round “{{round}}” of {{organisation}} you have not yet said in which order you would accept the {{count}} day-care persons suggested for {{child}}. You can do so until {{deadline}}.\n\nWithout an order, the nearest with free places at your times counts — perhaps not the one you would like best.",
    action: "Give your order",
  },
  placementCaregiverRecorded: {
    subject: "Care contract recorded: {{child}} from {{start}}",
    body: "{{organisation}} has recorded a care contract for {{child}} with you: from {{start}}, {{times}}.\n\nYour week with all children and free places is on your page. If anything is wrong, please contact the coordination office.",
    action: "See my week",
  },
};
