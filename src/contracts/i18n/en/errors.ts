import type { errors as de, validation as deValidation } from "../de/errors";

export const errors: typeof de = {
  validation: "Please check the marked fields.",
  unauthenticated: "Please sign in.",
  forbidden: "You are not allowed to do that.",
  notFound: "Not found.",
  conflict: "This has changed in the meantime. Please reload the page.",
  csrf: "The session has expired or the request did not come from KTP-Netz. Please reload the page.",
  rateLimited: "Too many attempts. Please wait {{seconds}} seconds.",
  invalidCredentials: "E-mail address or password is wrong.",
  mfaRequired: "Please enter the code from your authenticator app.",
  mfaInvalid: "The code is not correct. Please try again.",
  mfaSetupRequired: "Your organisation requires two-factor sign-in. Please set it up.",
  tokenInvalid: "The link is invalid, already used or expired.",
  invitationWithdrawn:
    "This invitation has been withdrawn and is no longer valid. If you still want to join, please ask the person who invited you.",
  invitationReplaced:
    "A new link has been sent for this invitation. This link is no longer valid. Please use the link from the most recent e-mail.",
  emailTaken: "This e-mail address is already in use.",
  slugTaken: "This address is already taken.",
  lastAdmin:
    "The organisation needs at least one person with the admin role. Please give the role to someone else first.",
  importInvalid: "The file has errors. Nothing was saved.",
  requestClosed:
    "This request is closed or has got so far that it can no longer be changed here. Please contact the coordinator.",
  emailMismatch: "The request was made with another e-mail address. Please sign in with that address.",
  placeTaken:
    "This day-care person has no free place at these times any more (or her care licence is not valid at the start). Please contact the coordinators.",
  placeUnavailable:
    "This day-care person has no free place at these times, her care licence is not valid at the start, or the number of contracts per week is reached. The reasons are listed below.",
  offerClosed: "There is no open offer of a place for this request (any more).",
  offerExpired: "The time to answer this offer has run out. Please contact the coordinators.",
  offerPending:
    "An offer of a place is already open for this request. A new one is possible once the family has answered or the time has run out.",
  roundOpenExists: "There is already an open allocation round. Please finish or cancel it first.",
  roundNotOpen: "This allocation round is published or cancelled and can no longer be changed.",
  rankingOpen:
    "Families and day-care persons can still rank until the deadline. You can publish after the deadline or once you end it early.",
  rankingClosed: "The deadline of this allocation round has passed. Changes are no longer possible.",
  runRunning: "The allocation round is being computed. Please wait until it has finished.",
  noRun: "This allocation round has not been computed yet.",
  roundStale:
    "Requests, rankings, contracts or free places have changed since the round was computed. Please run it again before you publish.",
  orderMismatch:
    "The list of children has changed in the meantime. Please reload the page and check the order again.",
  internal: "Something went wrong. Please try again later.",
};

export const validation: typeof deValidation = {
  required: "Please fill in.",
  email: "Please enter a valid e-mail address.",
  passwordTooShort: "The password needs at least 10 characters.",
  date: "Please enter a valid date.",
  dateOrder: "The end must be after the start.",
  postalCode: "Please enter a five-digit postal code.",
  postalCodeUnknown: "We do not know this postal code.",
  slug: "Only lower-case letters, digits and hyphens.",
  timeRange: "The end time must be after the start time.",
  ageRange: "The maximum age must be above the minimum age.",
  url: "Please enter a valid web address (https://…).",
  roles: "Please choose at least one role.",
  slotOutOfRange: "The time must lie within one day (00:00–24:00).",
  slotOverlap: "This time range overlaps another one on the same day.",
  placesInvalid: "Please enter a whole number of at least 1.",
  placesAboveLicence: "More places than the care licence allows at once.",
  licenceTooLong: "The licence runs longer than the organisation's rules allow (usually 5 years).",
  licenceMaxChildren: "More children than the organisation's rules allow at once.",
  employment: "Please enter “self-employed” or “employed”.",
  wholeNumber: "Please enter a whole number.",
  relevantEntryRequired: "Please state whether a relevant entry exists.",
  tooLong: "The text is too long.",
  photoConsentRequired: "Without consent to photos no photo can be stored.",
  photoType: "Please upload a photo as JPEG, PNG or WebP.",
  photoTooLarge: "The photo is too large (at most 2 MB).",
  time: "Please enter a time such as 08:30.",
  careTimesEmpty: "Please give at least one care time.",
  careTimeOutsideDayCare: "Family day care is possible between 06:00 and 20:00.",
  distance: "Please enter a whole number from 1 to 50 kilometres.",
  needsConsentRequired: "We store details of health and support needs only with your consent.",
  startInPast: "The start cannot be in the past.",
  startTooFar: "The start is more than three years ahead.",
  childNotBornAtStart: "The child must be born by the wanted start.",
  childTooOld: "At the start the child can be at most 14 years old.",
  points: "Please enter a whole number from 0 to 100.",
  month: "Please give a month such as 2027-08.",
  criterionFactTaken: "This is already a criterion. Please change its points there.",
  latitude: "Please enter a latitude in Germany (between 47 and 55.5, e.g. 51.7543).",
  longitude: "Please enter a longitude in Germany (between 5.5 and 15.5, e.g. 8.0412).",
  suggestionUnknown: "This day-care person is not among the suggestions for this request.",
  reasonRequired:
    "Please explain in at least one sentence why you deviate from the order given by the criteria.",
  deadlineAfterStart: "The deadline must end before the places begin.",
  tooManyRanks: "Please rank at most 8 day-care persons.",
  locationTooFar:
    "The point lies more than 30 km from the centre of the postal code. Please check the point or the postal code.",
};
