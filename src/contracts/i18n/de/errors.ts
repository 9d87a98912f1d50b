export const errors = {
  validation: "Bitte prüfen Sie die markierten Angaben.",
  unauthenticated: "Bitte melden Sie sich an.",
  forbidden: "Dafür fehlt Ihnen die Berechtigung.",
  notFound: "Nicht gefunden.",
  conflict: "Das hat sich inzwischen geändert. Bitte laden Sie die Seite neu.",
  csrf: "Die Sitzung ist abgelaufen oder die Anfrage kam nicht von KTP-Netz. Bitte laden Sie die Seite neu.",
  rateLimited: "Zu viele Versuche. Bitte warten Sie {{seconds}} Sekunden.",
  invalidCredentials: "E-Mail-Adresse oder Passwort stimmen nicht.",
  mfaRequired: "Bitte geben Sie den Code aus Ihrer Authenticator-App ein.",
  mfaInvalid: "Der Code stimmt nicht. Bitte versuchen Sie es noch einmal.",
  mfaSetupRequired: "Ihre Organisation verlangt die Zwei-Faktor-Anmeldung. Bitte richten Sie sie ein.",
  tokenInvalid: "Der Link ist ungültig, schon benutzt oder abgelaufen.",
  invitationWithdrawn:
    "Diese Einladung wurde zurückgezogen und gilt nicht mehr. Wenn Sie trotzdem beitreten möchten, fragen Sie bitte die Person, die Sie eingeladen hat.",
  invitationReplaced:
    "Für diese Einladung wurde ein neuer Link verschickt. Dieser Link gilt nicht mehr. Bitte nutzen Sie den Link aus der neuesten E-Mail.",
  emailTaken: "Diese E-Mail-Adresse wird schon verwendet.",
  slugTaken: "Diese Adresse ist schon vergeben.",
  lastAdmin:
    "Die Organisation braucht mindestens eine Person mit der Rolle Admin. Bitte geben Sie die Rolle zuerst einer anderen Person.",
  importInvalid: "Die Datei enthält Fehler. Es wurde nichts gespeichert.",
  requestClosed:
    "Diese Anfrage ist abgeschlossen oder schon so weit, dass sie sich hier nicht mehr ändern lässt. Bitte wenden Sie sich an die Fachberatung.",
  emailMismatch:
    "Die Anfrage wurde mit einer anderen E-Mail-Adresse gestellt. Bitte melden Sie sich mit dieser Adresse an.",
  placeTaken:
    "Bei dieser Kindertagespflegeperson ist zu diesen Zeiten kein Platz mehr frei (oder ihre Pflegeerlaubnis gilt zum Beginn nicht). Bitte wenden Sie sich an die Fachberatung.",
  placeUnavailable:
    "Bei dieser Kindertagespflegeperson ist zu diesen Zeiten kein Platz frei, ihre Pflegeerlaubnis gilt zum Beginn nicht oder die Zahl der Verträge pro Woche ist erreicht. Die Gründe stehen darunter.",
  offerClosed: "Für diese Anfrage gibt es kein offenes Platzangebot (mehr).",
  offerExpired:
    "Die Frist für dieses Platzangebot ist abgelaufen. Bitte wenden Sie sich an die Fachberatung.",
  offerPending:
    "Für diese Anfrage läuft schon ein Platzangebot. Ein neues ist möglich, sobald die Familie geantwortet hat oder die Frist abgelaufen ist.",
  roundOpenExists:
    "Es gibt schon eine offene Vergaberunde. Bitte schließen Sie sie zuerst ab oder brechen Sie sie ab.",
  roundNotOpen: "Diese Vergaberunde ist veröffentlicht oder abgebrochen und lässt sich nicht mehr ändern.",
  rankingOpen:
    "Die Frist für Familien und Kindertagespflegepersonen läuft noch. Veröffentlichen können Sie nach der Frist oder wenn Sie sie vorzeitig beenden.",
  rankingClosed: "Die Frist dieser Vergaberunde ist abgelaufen. Änderungen sind nicht mehr möglich.",
  runRunning: "Die Vergaberunde wird gerade berechnet. Bitte warten Sie, bis die Berechnung fertig ist.",
  noRun: "Diese Vergaberunde wurde noch nicht berechnet.",
  roundStale:
    "Seit der Berechnung haben sich Anfragen, Reihenfolgen, Verträge oder freie Plätze geändert. Bitte berechnen Sie die Runde neu, bevor Sie sie veröffentlichen.",
  orderMismatch:
    "Die Liste der Kinder hat sich inzwischen geändert. Bitte laden Sie die Seite neu und prüfen Sie die Reihenfolge noch einmal.",
  verificationCodeMistyped:
    "Dieser Code ist unvollständig oder hat einen Tippfehler. Bitte prüfen Sie ihn noch einmal: 12 Zeichen, zum Beispiel 7K3M-9QX2-D4HW.",
  sessionNotStarted:
    "Dieser Termin hat noch nicht begonnen. Die Anwesenheit lässt sich erst ab dem Tag des Termins eintragen.",
  participantIncomplete:
    "Nicht alle Ausgewählten haben den Kurs abgeschlossen. Es wurde keine Bescheinigung ausgestellt. Was fehlt, steht bei der Person.",
  practiceEntryConfirmed: "Bestätigte Praxisstunden lassen sich nicht löschen.",
  certificateNotCurrent: "Diese Bescheinigung wurde schon ersetzt oder zurückgezogen.",
  trainingCourseNotBookable:
    "Dieser Kurs kann nicht gebucht werden (er ist abgesagt, noch nicht veröffentlicht oder nicht für Sie ausgeschrieben).",
  trainingCourseNotEditable: "Dieser Kurs ist abgesagt und lässt sich nicht mehr ändern.",
  trainingAlreadyBooked: "Diese Person ist für diesen Kurs schon angemeldet oder steht auf der Warteliste.",
  trainingAlreadyBookedInSeries:
    "Diese Person ist schon für einen anderen Termin dieses Kurses angemeldet. Die Fachberatung kann die Anmeldung dorthin verschieben.",
  trainingBookingClosed: "Die Anmeldung ist geschlossen (seit {{closedOn}}).",
  trainingPrerequisitesMissing: "Für diesen Kurs fehlt noch eine Voraussetzung: {{missing}}.",
  trainingFullCourseRequired:
    "Für die Auffrischung braucht es eine gültige Bescheinigung. Bitte buchen Sie den vollständigen Kurs.",
  trainingBookingNotActive: "Diese Anmeldung ist schon storniert oder verschoben.",
  trainingCancellationDeadlinePassed:
    "Die Frist für die Abmeldung ist am {{deadline}} abgelaufen. Bitte wenden Sie sich an die Fachberatung.",
  trainingDifferentSeries:
    "Eine Anmeldung lässt sich nur zu einem anderen Termin desselben Kurses verschieben.",
  trainingCapacityBelowConfirmed:
    "Es sind schon {{confirmed}} Plätze vergeben. Weniger Plätze gehen erst, wenn jemand abgemeldet ist.",
  trainingNobodyWaiting: "Auf der Warteliste steht niemand.",
  trainingNoFreePlace: "Es ist kein Platz frei.",
  trainingGuestLinkUsed:
    "Dieser Link wurde schon benutzt. Ihre Anmeldung ist gespeichert; Sie haben eine E-Mail bekommen.",
  trainingGuestLinkExpired:
    "Dieser Link ist abgelaufen (er gilt 48 Stunden). Bitte melden Sie sich noch einmal für den Kurs an.",
  eventCancelled: "Dieser Termin ist abgesagt.",
  eventStarted: "Dieser Termin hat schon begonnen.",
  eventCapacityBelowConfirmed:
    "Es sind schon {{confirmed}} Personen fest angemeldet. Weniger Plätze gehen nicht; bitte sagen Sie zuerst jemandem ab.",
  eventRegistrationClosed: "Für diesen Termin ist keine Anmeldung (mehr) möglich.",
  eventAlreadyRegistered: "Sie sind für diesen Termin schon angemeldet.",
  eventRegistrationNotActive: "Diese Anmeldung ist schon beendet.",
  eventGuestsNotAllowed: "Für diesen Termin können sich nur Mitglieder anmelden.",
  eventGuestLinkUsed: "Dieser Link wurde schon benutzt. Ihre Anmeldung ist bestätigt.",
  eventGuestLinkExpired:
    "Dieser Link ist abgelaufen (er gilt 48 Stunden). Bitte melden Sie sich noch einmal an.",
  externalDecided:
    "Über diese Bescheinigung ist schon entschieden. Die Entscheidung gilt; eine berichtigte Bescheinigung wird neu hochgeladen.",
  siteSlugTaken: "Diese Adresse hat schon eine andere Seite oder Neuigkeit. Bitte wählen Sie eine andere.",
  siteContactTooFast: "Das ging zu schnell. Bitte prüfen Sie Ihre Nachricht und senden Sie sie noch einmal.",
  siteContactExpired:
    "Das Formular war zu lange offen. Bitte laden Sie die Seite neu und senden Sie die Nachricht noch einmal.",
  siteContactUnavailable:
    "Diese Organisation hat kein Kontaktformular. Bitte nutzen Sie die angegebene Telefonnummer oder Adresse.",
  internal: "Etwas ist schiefgegangen. Bitte versuchen Sie es später noch einmal.",
};

export const validation = {
  required: "Bitte ausfüllen.",
  email: "Bitte eine gültige E-Mail-Adresse eingeben.",
  passwordTooShort: "Das Passwort braucht mindestens 10 Zeichen.",
  date: "Bitte ein gültiges Datum eingeben.",
  dateOrder: "Das Ende muss nach dem Beginn liegen.",
  postalCode: "Bitte eine fünfstellige Postleitzahl eingeben.",
  postalCodeUnknown: "Diese Postleitzahl kennen wir nicht.",
  slug: "Nur Kleinbuchstaben, Ziffern und Bindestriche.",
  timeRange: "Die Endzeit muss nach der Startzeit liegen.",
  ageRange: "Das Höchstalter muss über dem Mindestalter liegen.",
  url: "Bitte eine gültige Internetadresse (https://…) eingeben.",
  roles: "Bitte mindestens eine Rolle wählen.",
  slotOutOfRange: "Die Zeit muss innerhalb eines Tages liegen (00:00–24:00).",
  slotOverlap: "Dieser Zeitraum überschneidet sich mit einem anderen am selben Tag.",
  placesInvalid: "Bitte eine ganze Zahl ab 1 eingeben.",
  placesAboveLicence: "Mehr Plätze, als die Pflegeerlaubnis gleichzeitig erlaubt.",
  licenceTooLong:
    "Die Pflegeerlaubnis gilt länger, als die Regeln der Organisation erlauben (meist 5 Jahre).",
  licenceMaxChildren: "Mehr Kinder, als die Regeln der Organisation gleichzeitig erlauben.",
  employment: "Bitte „selbstständig“ oder „angestellt“ angeben.",
  wholeNumber: "Bitte eine ganze Zahl eingeben.",
  relevantEntryRequired: "Bitte angeben, ob ein relevanter Eintrag vorliegt.",
  tooLong: "Der Text ist zu lang.",
  imageType: "Bitte ein Bild als JPEG, PNG oder WebP hochladen.",
  imageTooLarge: "Das Bild ist zu groß (höchstens 2 MB).",
  photoConsentRequired: "Ohne Einwilligung zu Fotos kann kein Foto gespeichert werden.",
  photoType: "Bitte ein Foto als JPEG, PNG oder WebP hochladen.",
  photoTooLarge: "Das Foto ist zu groß (höchstens 2 MB).",
  time: "Bitte eine Uhrzeit wie 08:30 eingeben.",
  careTimesEmpty: "Bitte mindestens eine Betreuungszeit angeben.",
  careTimeOutsideDayCare: "Kindertagespflege ist zwischen 06:00 und 20:00 Uhr möglich.",
  distance: "Bitte eine ganze Zahl von 1 bis 50 Kilometern eingeben.",
  consentRequired: "Ohne Ihre Zustimmung können wir den Antrag nicht annehmen.",
  needsConsentRequired: "Angaben zu Gesundheit und Förderbedarf speichern wir nur mit Ihrer Einwilligung.",
  startInPast: "Der Beginn darf nicht in der Vergangenheit liegen.",
  startTooFar: "Der Beginn liegt mehr als drei Jahre in der Zukunft.",
  childNotBornAtStart: "Das Kind muss zum gewünschten Beginn schon geboren sein.",
  childTooOld: "Zum Beginn darf das Kind höchstens 14 Jahre alt sein.",
  points: "Bitte eine ganze Zahl von 0 bis 100 eingeben.",
  month: "Bitte einen Monat wie 2027-08 angeben.",
  year: "Bitte ein Jahr wie 2026 angeben.",
  criterionFactTaken: "Diese Angabe ist schon ein Kriterium. Bitte dort die Punkte ändern.",
  latitude: "Bitte einen Breitengrad in Deutschland eingeben (zwischen 47 und 55,5, z. B. 51,7543).",
  longitude: "Bitte einen Längengrad in Deutschland eingeben (zwischen 5,5 und 15,5, z. B. 8,0412).",
  suggestionUnknown: "Diese Kindertagespflegeperson steht nicht unter den Vorschlägen für diese Anfrage.",
  reasonRequired:
    "Bitte begründen Sie in mindestens einem Satz, warum Sie von der Reihenfolge nach den Kriterien abweichen.",
  deadlineAfterStart: "Die Frist muss vor dem Beginn der Plätze enden.",
  tooManyRanks: "Bitte höchstens 8 Kindertagespflegepersonen in die Reihenfolge aufnehmen.",
  locationTooFar:
    "Der Punkt liegt mehr als 30 km vom Mittelpunkt der Postleitzahl entfernt. Bitte prüfen Sie den Punkt oder die Postleitzahl.",
  trainingHalfUnits: "Bitte in halben UE angeben: 0, 0,5, 1, 1,5 …",
  trainingLostUnitsWithoutPresence: "Zu spät oder früher gegangen gibt es nur bei „anwesend“.",
  trainingLostUnitsExceedSession: "Zusammen sind das mehr UE, als der Termin hat.",
  trainingNotParticipant: "Diese Person hat keinen festen Platz in diesem Kurs.",
  trainingDuplicateParticipant: "Diese Person steht zweimal in der Liste.",
  trainingPracticeHours: "Bitte Stunden in Viertelstunden über 0 angeben, zum Beispiel 7,5.",
  trainingPracticeInFuture: "Praxisstunden lassen sich erst eintragen, wenn der Zeitraum vorbei ist.",
  trainingPracticeHoursExceedDays: "Mehr als 10 Stunden pro Tag des Zeitraums sind nicht möglich.",
  trainingConfirmedBeforeEnd: "Die Bestätigung kann nicht vor dem Ende des Zeitraums liegen.",
  trainingPracticeNotRequired: "Dieser Kurs sieht keine Praxisstunden vor.",
  trainingAssessmentNotRequired: "Dieser Kurs hat keine solche Prüfung.",
  trainingDateInFuture: "Das Datum darf nicht in der Zukunft liegen.",
  trainingUnits: "Bitte Unterrichtseinheiten in halben Schritten eingeben (z. B. 2 oder 2,5).",
  trainingHours: "Bitte eine Stundenzahl ab 0 eingeben.",
  trainingSessionPlaceRequired: "Bitte einen Ort oder einen Online-Link angeben.",
  /** Problems of a course run before it is published (core validateCourse). */
  trainingTrainerNotMember: "Diese Person ist kein Mitglied der Organisation.",
  trainingMemberUnknown: "Diese Person ist kein Mitglied der Organisation.",
  trainingSeriesUnknown: "Diese Kursreihe gibt es hier nicht (oder sie gehört zu einer anderen Kursart).",
  trainingSeriesFixed:
    "Die Kursreihe eines Termins lässt sich nicht ändern. Bitte einen neuen Termin anlegen.",
  trainingSessionUnknown: "Diesen Termin gibt es in diesem Kurs nicht (mehr). Bitte die Seite neu laden.",
  trainingSameRun: "Bitte einen anderen Termin wählen.",
  trainingCourse: {
    unitsInvalid: "Bitte die Unterrichtseinheiten des Kurses in halben Schritten über 0 angeben.",
    capacityInvalid: "Bitte eine ganze Zahl von Plätzen ab 1 eingeben.",
    validityInvalid: "Die Gültigkeit muss eine ganze Zahl von Monaten ab 1 sein.",
    attendancePercentInvalid: "Die Mindestanwesenheit muss zwischen 1 und 100 Prozent liegen.",
    practiceHoursInvalid: "Die Praxisstunden dürfen nicht negativ sein.",
    cancellationDaysInvalid: "Die Abmeldefrist muss eine ganze Zahl von Tagen ab 0 sein.",
    runDatesInvalid: "Das Ende des Kurses darf nicht vor dem Beginn liegen.",
    noSessions: "Der Kurs braucht mindestens einen Termin.",
    sessionTimesInvalid: "Bei diesem Termin muss die Endzeit nach der Startzeit liegen.",
    sessionUnitsInvalid: "Bitte die Unterrichtseinheiten des Termins in halben Schritten über 0 angeben.",
    sessionUnitsExceedTime:
      "Der Termin hat mehr Unterrichtseinheiten, als in seine Zeit passen (45 Minuten je Einheit).",
    sessionOutsideRun: "Der Termin liegt außerhalb des Kurszeitraums.",
    sessionOverlap: "Der Termin überschneidet sich mit einem anderen Termin am selben Tag.",
    sessionUnitsSum: "Die Unterrichtseinheiten der Termine ergeben zusammen nicht die Einheiten des Kurses.",
  },
  externalUnits: "Bitte die UE als Zahl in halben Einheiten angeben, z. B. 8 oder 2,5.",
  externalValidity: "Bitte eine ganze Zahl von Monaten (1 bis 240) angeben, oder „unbegrenzt“.",
  externalCategory: "Bitte eine Art der Fortbildung wählen.",
  externalDateInFuture: "Das Datum darf nicht in der Zukunft liegen.",
  externalFileType: "Bitte die Bescheinigung als PDF, JPEG oder PNG hochladen.",
  externalFileTooLarge: "Die Datei ist zu groß (höchstens 5 MB).",
  externalNotPending: "Zu einer schon geprüften Bescheinigung kann keine Datei mehr hochgeladen werden.",
  rejectionReasonRequired: "Bitte schreiben Sie, warum die Bescheinigung nicht anerkannt wird.",
  runNotInvitable: "Dieser Kurstermin ist nicht veröffentlicht oder hat schon begonnen.",
  weekday: "Bitte einen Wochentag wählen.",
  eventQuestionOptions: "Bitte mindestens zwei Antworten zur Auswahl angeben.",
  eventPlaceRequired: "Bitte einen Ort oder einen Online-Link angeben.",
  eventUntilOrCount: "Bitte entweder ein Enddatum oder eine Anzahl von Terminen angeben, nicht beides.",
  eventOrganiserUnknown: "Diese Person ist kein Mitglied der Organisation.",
  eventSeriesNoDates:
    "Mit diesen Angaben gibt es keinen einzigen Termin. Bitte Beginn, Ende und Wochentag prüfen.",
  eventNotSeriesDate: "An diesem Tag findet die Reihe nicht statt.",
  eventAnswerRequired: "Bitte beantworten Sie diese Frage.",
  eventAnswerInvalid: "Bitte wählen Sie eine der Antworten.",
};
