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
  trainingCertificateIssued: {
    subject: "Your certificate: {{course}}",
    body: "{{organisation}} has issued your certificate of attendance for “{{course}}” ({{units}} units, completed on {{completedOn}}).\n\nYou can download it as a PDF on your page and print it. Anyone who wants to check it enters the code {{code}} at {{verifyUrl}}.",
    action: "My certificates",
  },
  trainingCertificateIssuedGuest: {
    subject: "Your certificate: {{course}}",
    body: "{{organisation}} has issued your certificate of attendance for “{{course}}” ({{units}} units, completed on {{completedOn}}). You receive the certificate itself from {{organisation}}.\n\nAnyone who wants to check it enters the code {{code}} on the page below.",
    action: "Check the certificate",
  },
  placementCaregiverRecorded: {
    subject: "Care contract recorded: {{child}} from {{start}}",
    body: "{{organisation}} has recorded a care contract for {{child}} with you: from {{start}}, {{times}}.\n\nYour week with all children and free places is on your page. If anything is wrong, please contact the coordination office.",
    action: "See my week",
  },
  trainingInvitation: {
    subject: "Invitation: {{course}} on {{dates}}",
    body: "{{organisation}} invites you to the course “{{course}}” ({{dates}}). There are {{freePlaces}} places free at the moment.\n\nThe link shows all sessions; you book yourself there. A place is held for you only once you have booked.",
    action: "See the course and book",
  },
  trainingInvitationWithNote: {
    subject: "Invitation: {{course}} on {{dates}}",
    body: "{{organisation}} invites you to the course “{{course}}” ({{dates}}). There are {{freePlaces}} places free at the moment.\n\nA note from your advisor: {{note}}\n\nThe link shows all sessions; you book yourself there. A place is held for you only once you have booked.",
    action: "See the course and book",
  },
  trainingExternalSubmitted: {
    subject: "New certificate to review: {{person}}",
    body: "{{person}} uploaded a certificate for the training account: “{{title}}” by {{provider}} ({{units}} UE, {{completedOn}}).\n\nPlease review it and accept it, or reject it with a reason.",
    action: "Review certificates",
  },
  trainingExternalAccepted: {
    subject: "Certificate accepted: {{title}}",
    body: "{{organisation}} accepted your certificate “{{title}}” by {{provider}} ({{units}} UE, {{completedOn}}). {{counting}} {{validity}}",
    action: "My training account",
  },
  trainingExternalRejected: {
    subject: "Certificate not accepted: {{title}}",
    body: "{{organisation}} did not accept your certificate “{{title}}” by {{provider}} ({{completedOn}}).\n\nReason: {{reason}}\n\nIf you have a corrected certificate, please upload it anew. Your advisor can help with questions.",
    action: "My training account",
  },
  deadlineReminderWithRun: {
    subject: "Deadline: {{deadline}} on {{dueOn}}",
    body: "at {{organisation}} the following deadline is coming up: {{deadline}} – due on {{dueOn}}.\n\nThe next matching course: “{{course}}” on {{runDate}}. The link takes you straight to booking.",
    action: "Book the course",
  },
  deadlineOverdueWithRun: {
    subject: "Overdue: {{deadline}} (since {{dueOn}})",
    body: "at {{organisation}} the following deadline has passed: {{deadline}} – it was due on {{dueOn}}.\n\nThe next matching course: “{{course}}” on {{runDate}}. The link takes you straight to booking. Please also talk to your advisor.",
    action: "Book the course",
  },
  trainingCertificateExpiring: {
    subject: "Your certificate expires: {{title}} (valid until {{validUntil}})",
    body: "Your certificate “{{title}}” ({{category}}) at {{organisation}} is valid until {{validUntil}}.\n\n{{next}}",
    action: "{{action}}",
  },
  trainingCertificateExpired: {
    subject: "Expired: {{title}} (valid until {{validUntil}})",
    body: "Your certificate “{{title}}” ({{category}}) at {{organisation}} was valid until {{validUntil}} and has expired.\n\n{{next}}",
    action: "{{action}}",
  },
  trainingBooked: {
    subject: "Your place: {{course}}",
    body: "You have a place on the course “{{course}}” at {{organisation}} ({{dates}}).\n\nSessions:\n{{sessions}}\n\nThe sessions for your calendar: {{calendarUrl}}\n\nIf you cannot attend, please cancel by {{deadline}}. Then someone from the waiting list gets your place.",
    action: "My trainings",
  },
  trainingWaitlisted: {
    subject: "Waiting list: {{course}}",
    body: "The course “{{course}}” at {{organisation}} ({{dates}}) is full at the moment. You are number {{position}} on the waiting list.\n\nIf a place comes free, you move up automatically and get an e-mail at once. You can leave the waiting list at any time.",
    action: "My trainings",
  },
  trainingMovedUp: {
    subject: "You have a place: {{course}}",
    body: "Good news: a place has come free on the course “{{course}}” at {{organisation}} ({{dates}}). You have moved up from the waiting list and now have a place.\n\nSessions:\n{{sessions}}\n\nThe sessions for your calendar: {{calendarUrl}}\n\nIf you can no longer attend, please cancel by {{deadline}} so that someone else gets the place.",
    action: "My trainings",
  },
  trainingCancelledOwn: {
    subject: "Cancelled: {{course}}",
    body: "You have cancelled your place on the course “{{course}}” at {{organisation}} ({{dates}}). Your place goes to the next person on the waiting list.\n\nIf this was not you, please contact {{organisation}}.",
    action: "My trainings",
  },
  trainingWaitingLeft: {
    subject: "Left the waiting list: {{course}}",
    body: "You are no longer on the waiting list for the course “{{course}}” at {{organisation}} ({{dates}}).",
    action: "My trainings",
  },
  trainingCancelledByStaff: {
    subject: "Your booking was cancelled: {{course}}",
    body: "{{organisation}} has cancelled your booking for the course “{{course}}” ({{dates}}).\n\nReason: {{reason}}\n\nIf you have questions, please contact {{organisation}}.",
    action: "My trainings",
  },
  trainingCourseCancelled: {
    subject: "Course cancelled: {{course}}",
    body: "{{organisation}} has cancelled the course “{{course}}” ({{dates}}). Your booking no longer applies.\n\nReason: {{reason}}\n\nPlease delete the sessions from your calendar. You can find another date in the course catalogue.",
    action: "See the courses",
  },
  trainingMovedOut: {
    subject: "Your booking was moved: {{newCourse}}",
    body: "{{organisation}} has moved your booking from the course “{{course}}” ({{dates}}) to “{{newCourse}}” ({{newDates}}). {{status}}\n\nReason: {{reason}}\n\nThe new sessions:\n{{sessions}}\n\nThe sessions for your calendar: {{calendarUrl}}",
    action: "My trainings",
  },
  trainingCourseChanged: {
    subject: "Sessions changed: {{course}}",
    body: "{{organisation}} has changed the sessions of the course “{{course}}”. This is how they are now:\n{{sessions}}\n\nThe sessions for your calendar: {{calendarUrl}}",
    action: "My trainings",
  },
  trainingPlaceFreed: {
    subject: "Place free: {{course}}",
    body: "A place has come free on the course “{{course}}” ({{dates}}) after it started. Free: {{freePlaces}}, on the waiting list: {{waiting}}.\n\nAfter the start nobody moves up automatically. You can give the place to the first person on the waiting list on the course page.",
    action: "See the course",
  },
  trainingGuestConfirm: {
    subject: "Please confirm: booking for {{course}}",
    body: "we have received your booking for the course “{{course}}” at {{organisation}} ({{dates}}).\n\nPlease confirm with the link below that this e-mail address is yours. Only then are you booked and get a place or a place on the waiting list. The link is valid for {{hours}} hours and only once.\n\nIf you did not book, simply delete this e-mail.",
    action: "Confirm booking",
  },
  siteContact: {
    subject: "Contact form: {{subject}}",
    body: "a message came in through the contact form of your website.\n\nFrom: {{sender}} <{{email}}>\n\n{{message}}\n\nIf you reply to this e-mail, the answer goes to {{email}}.",
  },
  siteContactCopy: {
    subject: "Your message to {{organisation}}",
    body: "You sent this message through the website of {{organisation}}:\n\n{{message}}\n\n{{organisation}} will answer you at this e-mail address.",
  },
  siteContactNoSubject: "Message through the website",
  trainingStatusPlace: "You have a place there.",
  trainingStatusWaiting: "There you are number {{position}} on the waiting list.",
  eventWhen: "{{date}}, {{from}}–{{to}}",
  eventWhenDays: "{{date}}, {{from}} to {{endDate}}, {{to}}",
  eventOnline: "online",
  eventOnlineLink: "Join online: {{url}}",
  eventNoReason: "No reason was given.",
  eventCalendarCancelled: "Cancelled: {{title}}",
  eventCalendarWaiting: "Waiting list: {{title}}",
  eventCalendarFeedName: "{{organisation}}: dates",
  eventRegistered: {
    subject: "Registered: {{event}}",
    body: "You are registered for “{{event}}” at {{organisation}}.\n\nWhen: {{when}}\nWhere: {{place}}{{online}}\n\nThe date for your calendar: {{calendarUrl}}\n\nIf you cannot come, please cancel, so that someone else gets your place.",
    action: "View registration",
  },
  eventWaitlisted: {
    subject: "Waiting list: {{event}}",
    body: "“{{event}}” at {{organisation}} is full. You are number {{position}} on the waiting list.\n\nWhen: {{when}}\nWhere: {{place}}\n\nIf a place comes free, you get it automatically and we will write to you.",
    action: "View registration",
  },
  eventMovedUp: {
    subject: "You have a place: {{event}}",
    body: "A place came free: you now have a place for “{{event}}” at {{organisation}}.\n\nWhen: {{when}}\nWhere: {{place}}{{online}}\n\nThe date for your calendar: {{calendarUrl}}",
    action: "View registration",
  },
  eventRegistrationCancelled: {
    subject: "Cancelled: {{event}}",
    body: "You cancelled your registration for “{{event}}” ({{when}}). Your place goes to the next person on the waiting list.",
    action: "View dates",
  },
  eventWaitingLeft: {
    subject: "Left the waiting list: {{event}}",
    body: "You are no longer on the waiting list for “{{event}}” ({{when}}).",
    action: "View dates",
  },
  eventRegistrationCancelledByStaff: {
    subject: "Your registration was ended: {{event}}",
    body: "{{organisation}} ended your registration for “{{event}}” ({{when}}).\n\nReason: {{reason}}",
    action: "View dates",
  },
  eventCancelled: {
    subject: "Cancelled: {{event}} on {{when}}",
    body: "{{organisation}} has cancelled “{{event}}” ({{when}}). Your registration has ended.\n\nReason: {{reason}}",
    action: "View dates",
  },
  eventChanged: {
    subject: "Changed: {{event}}",
    body: "“{{event}}” at {{organisation}}, which you registered for, has changed.\n\nNew – when: {{when}}\nWhere: {{place}}\n\nIf you cannot come now, please cancel.",
    action: "View registration",
  },
  eventReminder: {
    subject: "Reminder: {{event}} – {{when}}",
    body: "this is a reminder of “{{event}}” at {{organisation}}.\n\nWhen: {{when}}\nWhere: {{place}}{{online}}\n\nIf you cannot come, please still cancel.",
    action: "View registration",
  },
  eventGuestConfirm: {
    subject: "Please confirm: registration for {{event}}",
    body: "we have received your registration for “{{event}}” at {{organisation}} ({{when}}).\n\nPlease confirm with the link below that this e-mail address is yours. Only then are you registered. The link is valid for {{hours}} hours and only once.\n\nIf you did not register, simply delete this e-mail.",
    action: "Confirm registration",
  },
  membershipConfirm: {
    subject: "Please confirm: your membership application to {{organisation}}",
    body: "we have received your application for membership of {{organisation}}.\n\nPlease confirm with the link below that this e-mail address is yours. Only then will the board see your application. The link works for 7 days and only once; without confirmation we delete the application afterwards.\n\nIf you did not apply, simply delete this e-mail.",
    action: "Confirm application",
  },
  membershipBoardNotice: {
    subject: "New membership application: {{applicant}}",
    body: "{{applicant}} would like to become a member of {{organisation}} and has confirmed the e-mail address.\n\nThe board can now approve or decline the application.",
    action: "See applications",
  },
  membershipApproved: {
    subject: "Welcome to {{organisation}}",
    body: "the board of {{organisation}} has approved your membership application. You are now a member.{{message}}\n\nYou will receive a second e-mail with a link shortly. With it you set your password and enter the members' area.",
    action: "",
  },
  membershipDeclined: {
    subject: "Your membership application to {{organisation}}",
    body: "unfortunately the board of {{organisation}} has declined your membership application.{{message}}\n\nWe delete your details after 3 months. If you have questions, please contact the association.",
    action: "",
  },
  membershipMessage: "\n\nMessage from the board: {{message}}",
  membershipEnded: {
    subject: "Your membership of {{organisation}} has ended",
    body: "the board of {{organisation}} has ended your membership. Reason: {{reason}}\n\nYour KTP-Netz account stays. If you have questions, please contact the association.",
    action: "",
  },
  announcement: {
    subject: "{{organisation}}: {{title}}",
    body: "{{author}} has written an announcement for you:\n\n{{title}}\n\n{{text}}{{optOut}}",
    action: "See all announcements",
  },
  announcementEssential: {
    subject: "Important – {{organisation}}: {{title}}",
    body: "{{author}} has written an important announcement for you:\n\n{{title}}\n\n{{text}}",
    action: "See all announcements",
  },
  exhibitionPhotosUnpublished: {
    subject_one: "Photo exhibition: 1 photo no longer public",
    subject: "Photo exhibition: {{count}} photos no longer public",
    body_one:
      "a consent has ended for a photo of the photo exhibition of {{organisation}}. From today the photo is no longer shown on the website.\n\nIf the people still agree, please record a new consent and publish the photo again. Otherwise please delete the photo.",
    body: "a consent has ended for {{count}} photos of the photo exhibition of {{organisation}}. From today these photos are no longer shown on the website.\n\nIf the people still agree, please record new consents and publish the photos again. Otherwise please delete the photos.",
    action: "Open the photo exhibition",
  },
  surveyInvitation: {
    subject: "Survey from {{organisation}}: {{title}}",
    body: "{{organisation}} would like your opinion: {{title}}.\n\nThe survey is anonymous. Nobody can see who answered what. It takes about 5 minutes.{{closes}}\n\nThe link is for you only and works once. Please do not forward this e-mail.",
    action: "Open the survey",
  },
  surveyReminder: {
    subject: "Reminder: survey from {{organisation}}",
    body: "perhaps you have not had time yet: {{organisation}} would like your opinion ({{title}}).\n\nThe survey is anonymous and takes about 5 minutes.{{closes}}\n\nIf you have already answered, you do not get this e-mail. The link is for you only and works once.",
    action: "Open the survey",
  },
  surveyCloses: " You can answer until {{date}}.",
  voteOpened: {
    subject: "Vote now: {{title}}",
    body: "you can now vote at {{organisation}}: “{{title}}”.{{closes}}\n\n{{secrecy}}",
    action: "Open the vote",
  },
  voteCloses: " The vote ends on {{date}} at {{time}}.",
  voteSecretNote: "The vote is secret: nobody can see how you voted.",
  voteNamedNote: "The vote is by name: the board sees who voted how.",
  electionNomination: {
    subject: "Parent-council election: will you stand?",
    body: "{{organisation}} is electing a parent council: “{{title}}”. There are {{seats}} seats.\n\nYou can put yourself forward and introduce yourself briefly.{{closes}}\n\nAll parents with a running care contract may vote.",
    action: "Open the election",
  },
  electionNominationCloses: " You can stand until {{date}} at {{time}}.",
  electionResult: {
    subject: "Result: {{title}}",
    body: "the election “{{title}}” at {{organisation}} has ended.\n\nElected: {{elected}}\nSubstitutes: {{substitutes}}\n\nVotes cast: {{ballots}} of {{entitled}}.{{lot}}",
    action: "See the result",
  },
  electionNobody: "nobody",
  electionLot: "\n\nA tie was decided by lot. The platform drew it at random and recorded it.",
  substitutionIllness: {
    subject: "Illness reported: {{caregiver}} – children affected: {{children}}",
    body: "{{caregiver}} reported illness: {{period}}.\n\nChildren affected: {{children}}. Days affected: {{days}}. The platform has proposed covers. Not yet confirmed: {{open}}.",
    action: "Open the substitution board",
  },
  substitutionParents: {
    subject: "Cover for {{child}}: {{cover}}",
    body: "{{caregiver}} is absent. Cover for {{child}} has been arranged:\n\nWho: {{cover}}\nWhere: {{address}}{{phone}}\nWhen:\n{{times}}\n\nPlease let us know whether you will bring {{child}} or keep your child at home. The cover costs you nothing extra.",
    action: "Confirm or decline",
  },
  substitutionCoverAdded: {
    subject: "New cover children for you: {{count}}",
    body: "You are covering for {{caregiver}}. These children come to you in addition:\n\n{{children}}",
    action: "My cover children",
  },
  substitutionCoverChild: "{{child}} ({{age}}), {{day}}: {{times}}",
  substitutionCoverNeeds: "\n   Allergies: {{allergies}} · Diet: {{diet}}",
  substitutionCoverNoNeeds: "\n   Allergies and diet: please ask the parents",
  substitutionCoverNotes: "\n   Good to know: {{notes}}",
  substitutionPhone: ", phone {{phone}}",
  substitutionAge: "{{months}} months",
  substitutionCancelled: {
    subject: "Cover cancelled: {{child}} on {{day}}",
    body: "the cover for {{child}} on {{day}} is cancelled: {{caregiver}} is there after all, or the absence was changed.",
    action: "Open the overview",
  },
  substitutionCoverLost: {
    subject: "Cover falls through: {{child}} on {{day}}",
    body: "the cover for {{child}} on {{day}} with {{cover}} falls through: {{reason}}\n\nThe coordination office is looking for a new cover. As soon as it is settled, the parents receive a new e-mail.",
    action: "Open the overview",
  },
  substitutionCoverLostAbsent: "{{cover}} is absent herself.",
  substitutionCoverLostKita: "The Kita no longer takes children for cover.",
  announcementOptOut:
    "\n\nDon't want these e-mails any more? You can turn them off on your account page. You will still get important announcements.",
};
