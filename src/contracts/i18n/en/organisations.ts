import type { organisations as de } from "../de/organisations";

export const organisations: typeof de = {
  nav: {
    home: "Home",
    members: "Members",
    settings: "Settings",
  },
  landing: {
    title: "KTP-Netz – family day care, connected",
    intro:
      "KTP-Netz is a shared platform for family day care: coordination offices, associations and youth offices work together here with day-care persons and parents. Each organisation has its own space with a directory, deadlines, members and a public page.",
    metaDescription:
      "KTP-Netz – the platform for family day care: coordination offices, associations and youth offices working with day-care persons and parents.",
    demoTitle: "See examples",
    demoIntro: "Two demo organisations with made-up data:",
    demo: {
      beckum: {
        name: "Family day care coordination office Beckum",
        text: "Coordination office in North Rhine-Westphalia",
      },
      segeberg: {
        name: "Kindertagespflege Kreis Segeberg e.V.",
        text: "Association in Schleswig-Holstein, with a map of its members",
      },
    },
  },
  public: {
    notFoundTitle: "Organisation not found",
    notFoundText: "There is no organisation at this address. Please check the link.",
  },
  contact: {
    title: "Contact",
    address: "Address",
    email: "E-mail",
    phone: "Phone",
    website: "Website",
    none: "No contact details given.",
  },
  home: {
    greeting: "Hello, {{name}}",
    workTitle: "Your work areas",
    linksTitle: "Your areas",
    cards: {
      registry: {
        title: "Day-care persons",
        text: "The directory: profiles, care licences and places.",
      },
      deadlines: {
        title: "Deadlines",
        text: "What is due soon or overdue: first aid, further training, criminal record certificate.",
      },
      myProfile: {
        title: "My profile and deadlines",
        text: "Your details, your care licence and what is due soon.",
      },
      myMap: {
        title: "My map entry",
        text: "Your voluntary entry on the association's public map.",
      },
      members: {
        title: "Members",
        text: "Who belongs and how to reach them.",
      },
      settings: {
        title: "Settings",
        text: "Public profile, state rules and security.",
      },
    },
    parent: {
      title: "Parents' area",
      intro: "You are signed in at {{organisation}} as a parent.",
      comingSoon:
        "Soon you can ask for a day-care place for your child here. You will also see how your request is going. This area is being built right now.",
      untilThen: "Until then, please contact the coordination team directly. They are happy to help.",
      contactTitle: "Contact",
    },
  },
  members: {
    title: "Members",
    titleParent: "Contact persons",
    search: "Search by name or e-mail",
    count_one: "{{count}} entry",
    count_other: "{{count}} entries",
    you: "you",
    since: "Member since {{date}}",
    noContact: "Contact details not shared.",
    showContact: "Show my e-mail address and phone number to other members",
    showContactHint: "Coordinators and the board always see your contact details.",
    contactShown: "Other members can now see your contact details.",
    contactHidden: "Your contact details are now hidden from other members.",
    editLabel: "Edit: {{name}}",
    editTitle: "Edit {{name}}",
    roles: "Roles",
    status: "Status",
    statusActive: "Active",
    statusLeft: "Left",
    updated: "The details of {{name}} are saved.",
  },
  invitations: {
    title: "Invite people",
    intro: "The person gets an e-mail with a link. The link is valid for 14 days.",
    email: "E-mail address",
    roles: "Roles",
    submit: "Send invitation",
    sent: "The invitation to {{email}} has been sent.",
    openTitle: "Open invitations",
    noneOpen: "No open invitations.",
    validUntil: "Valid until",
    sentOn: "Sent on {{date}}",
  },
  settings: {
    title: "Settings",
    save: "Save settings",
    saved: "The settings are saved.",
    unsaved: "There are unsaved changes.",
    profileTitle: "Public profile",
    profileIntro: "These details appear on your organisation's public page. Only the name is required.",
    name: "Name of the organisation",
    description: "Description",
    street: "Street and number",
    postalCode: "Postal code",
    town: "Town",
    email: "E-mail address",
    phone: "Phone",
    website: "Website",
    rulesTitle: "State rules",
    rulesIntro:
      "KTP-Netz checks places and deadlines against these numbers. Choose your federal state's preset and adjust single values if your youth office requires something different.",
    preset: "Preset",
    presetHint: "Choosing another preset replaces all values in the table.",
    source: "Source (as of {{date}}):",
    showMore: "Show more",
    showLess: "Show less",
    rule: "Rule",
    value: "Value",
    emptyMeansNone: "empty = does not apply",
    presetValue: "Preset: {{value}}",
    notApplicable: "does not apply",
    ruleRange: "Please enter a whole number from {{min}} to {{max}}.",
    requireMfaSelf:
      "You have not set up two-factor sign-in yourself yet. After saving you can use the organisation's pages again only once you have set it up.",
    securityTitle: "Security",
    requireMfa: "Require two-factor sign-in for staff",
    requireMfaHint:
      "Applies to admins, coordinators, the board and the youth office. Whoever has not set it up yet can use the organisation's pages again only after doing so.",
  },
  rules: {
    maxChildrenAtOnce: { label: "Children at the same time per day-care person", unit: "number of children" },
    maxContractsPerWeek: { label: "Care contracts per day-care person", unit: "number of contracts" },
    maxChildrenPerWeek: { label: "Children in the week per day-care person", unit: "number of children" },
    maxChildrenAtOnceCareGroup: {
      label: "Children at the same time in a large day-care group",
      unit: "number of children",
    },
    maxCaregiversPerCareGroup: {
      label: "Day-care persons in a large day-care group",
      unit: "number of persons",
    },
    trainingUnitsPerYear: {
      label: "Further training per year",
      unit: "teaching units (UE, 45 minutes each)",
    },
    trainingUnitsPerLicencePeriod: {
      label: "Further training per licence period",
      unit: "teaching units (UE)",
    },
    maxCarryOverUnits: { label: "Further training carried over, at most", unit: "teaching units (UE)" },
    firstAidRefreshMonths: { label: "Refresh first-aid course after", unit: "months" },
    infectionProtectionRefreshMonths: {
      label: "Repeat infection-protection instruction after",
      unit: "months",
    },
    criminalRecordRefreshMonths: {
      label: "Renew extended criminal record certificate after",
      unit: "months",
    },
    licenceMaxYears: { label: "Care licence valid for at most", unit: "years" },
    qhbPhase2WithinMonths: { label: "Complete QHB phase 2 within", unit: "months after the licence starts" },
    reminderLeadDays: { label: "Reminder before a deadline", unit: "days before" },
  },
};
