import type { map as de } from "../de/map";

export const map: typeof de = {
  nav: { myMap: "My map entry" },
  fields: {
    displayName: "Name shown",
    displayNameHint: "Your name or a pseudonym, for example “Sunshine day care”",
    postalCode: "Postal code",
    town: "Town",
    contactUrl: "Contact link (optional)",
    contactUrlHint: "mailto:name@example.org or https://your-site.org",
  },
  mine: {
    title: "My map entry",
    howTitle: "How the map works",
    ruleOptIn: "Only members who add themselves here appear on the association's public map.",
    ruleApproximate:
      "Your point is not at your address: it is shown only approximately, about 300 to 900 metres off. We do not store your street for it.",
    ruleNoPlaces: "The map shows no free places – only that you exist and how to reach you.",
    ruleRemove: "“Remove entry” takes you off the map at once.",
    viewPublic: "View the association's public page",
    onMap: "You are on the map",
    onMapText: "You are shown as “{{name}}” in {{town}}.",
    notOnMap: "You are not on the map",
    notOnMapText: "Fill in the form if you would like to be shown.",
    joinTitle: "Join the map",
    editTitle: "Change entry",
    approximateNote:
      "The point on the map is computed from postal code and town and shown deliberately imprecise.",
    join: "Put me on the map",
    save: "Save changes",
    remove: "Remove entry",
    added: "You are on the map now.",
    updated: "Your entry was saved.",
    removed: "Your entry was removed.",
  },
  public: {
    title: "Map of day-care persons",
    intro:
      "Members who would like to be shown. The points are deliberately imprecise (a few hundred metres). The map shows no free places.",
    mapLabel: "Map",
    markerAlt: "{{name}}, {{town}}",
    contact: "Contact",
    contactNamed: "Contact {{name}}",
    listTitle_one: "{{count}} entry by town",
    listTitle_other: "{{count}} entries by town",
    empty: "Nobody has added themselves to the map yet.",
    loadError: "The map could not be loaded.",
    tilesFailed: "The map view cannot be reached right now. The list shows every entry.",
  },
};
