import { Badge, Box, Button, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconMap, IconMapPin, IconTargetArrow } from "@tabler/icons-react";
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { geoPointSchema, locationInput, locationMaxDistanceKm } from "../../../../contracts/caregivers";
import { type GeoPoint, haversineKm } from "../../../../core/geo/geo";
import { put } from "../../../app/api";
import { applyApiErrors } from "../../../components/form-errors";
import { useSchemaValidation } from "../../../components/zod-form";
import { type CaregiverDetail, caregiverKeys, useMapTiles } from "../api";
import { formatNumber, orgApi, parseDecimal } from "../format";
import { useSaveMutation } from "../mutation";
import { FormAlert, focusFirstError, Notice } from "./form-alert";
import { MapBoundary } from "./map-boundary";
import { Facts, Section } from "./page";

// Leaflet and its styles load only when a map is actually opened.
const LocationMapLeaflet = lazy(() => import("../location-map-leaflet"));

/** Six decimals are about 10 cm, what the server stores. */
const INPUT_DIGITS = 6;
const SHOWN_DIGITS = 5;
const EXACT_ZOOM = 16;
const POSTAL_CODE_ZOOM = 13;

interface Props {
  orgSlug: string;
  detail: CaregiverDetail;
  canEdit: boolean;
  /** Her own profile: the point is saved through her own profile's address. */
  isOwnProfile?: boolean;
}

function pointOf(detail: Pick<CaregiverDetail, "lat" | "lon">): GeoPoint | null {
  return detail.lat !== null && detail.lon !== null ? { lat: detail.lat, lon: detail.lon } : null;
}

/**
 * The point placement measures distances from: whether it is exact or the postal code's centre, and, for
 * those who may, setting it on a map, by typing coordinates or with the arrow keys, or resetting it.
 */
export function LocationSection({ orgSlug, detail, canEdit, isOwnProfile = false }: Props) {
  const { t, i18n } = useTranslation();
  const [isEditing, setEditing] = useState(false);
  const [isMapShown, setMapShown] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const tiles = useMapTiles();
  const url = isOwnProfile
    ? `${orgApi(orgSlug)}/my-profile/location`
    : `${orgApi(orgSlug)}/caregivers/${encodeURIComponent(detail.id)}/location`;
  const reset = useSaveMutation({
    mutationFn: () => put<CaregiverDetail>(url, { point: null }),
    successMessage: t("registry.location.resetDone"),
    invalidate: [caregiverKeys.all(orgSlug)],
    onSuccess: () => setEditing(false),
  });

  // Closing the editor removes what had the focus; give it back to the button that opened it.
  useEffect(() => {
    if (wasEditing.current && !isEditing) editButton.current?.focus();
    wasEditing.current = isEditing;
  }, [isEditing]);

  const point = pointOf(detail);
  const centre = detail.postalCodeCentre;
  const isExact = detail.locationPrecision === "manual";
  const number = (value: number) => formatNumber(value, i18n.language, SHOWN_DIGITS);
  const items: { label: string; value: ReactNode }[] = [
    {
      label: t("registry.location.precision"),
      value: (
        <Stack gap={2} component="span">
          <Badge
            component="span"
            tt="none"
            color={isExact ? "teal.9" : "gray.8"}
            leftSection={<IconMapPin size={14} aria-hidden="true" />}
            data-testid="location-precision"
          >
            {isExact
              ? t("registry.location.precisionManual")
              : point
                ? t("registry.location.precisionPostalCode")
                : t("registry.location.precisionNone")}
          </Badge>
          <Text span size="sm" c="dimmed">
            {isExact
              ? t("registry.location.manualHint")
              : t("registry.location.postalCodeHint", { postalCode: detail.postalCode })}
          </Text>
        </Stack>
      ),
    },
  ];
  if (point) {
    items.push(
      { label: t("registry.location.latitude"), value: number(point.lat) },
      { label: t("registry.location.longitude"), value: number(point.lon) },
    );
  }
  if (point && centre && isExact) {
    items.push({
      label: t("registry.location.distance"),
      value: t("registry.location.distanceValue", {
        km: formatNumber(haversineKm(centre, point), i18n.language, 1),
      }),
    });
  }
  const canPlace = canEdit && centre !== null;

  return (
    <Section
      title={t("registry.location.title")}
      testId="location-section"
      actions={
        <>
          {canPlace && !isEditing && (
            <Button
              ref={editButton}
              size="xs"
              variant="light"
              leftSection={<IconTargetArrow size={16} aria-hidden="true" />}
              onClick={() => setEditing(true)}
              data-testid="location-edit"
            >
              {isExact ? t("registry.location.editExact") : t("registry.location.edit")}
            </Button>
          )}
          {canPlace && isExact && (
            <Button
              size="xs"
              variant="subtle"
              // Long labels wrap on a phone instead of running out of the section.
              h="auto"
              mih={30}
              styles={{ label: { whiteSpace: "normal", textAlign: "left" } }}
              loading={reset.isPending}
              onClick={() => reset.mutate(undefined)}
              data-testid="location-reset"
            >
              {t("registry.location.reset")}
            </Button>
          )}
          {!isEditing && point && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconMap size={16} aria-hidden="true" />}
              aria-expanded={isMapShown}
              onClick={() => setMapShown((shown) => !shown)}
              data-testid="location-show-map"
            >
              {isMapShown ? t("registry.location.hideMap") : t("registry.location.showMap")}
            </Button>
          )}
        </>
      }
    >
      <Text size="sm">{t("registry.location.intro")}</Text>
      <Facts items={items} />
      {isEditing && centre ? (
        <LocationEditor
          url={url}
          orgSlug={orgSlug}
          start={point ?? centre}
          centre={centre}
          onDone={() => setEditing(false)}
        />
      ) : (
        isMapShown &&
        point && <LocationMap point={point} centre={centre} zoom={isExact ? EXACT_ZOOM : POSTAL_CODE_ZOOM} />
      )}
      {tiles.data && (
        <Text size="xs" c="dimmed">
          {tiles.data.dataAttribution}
        </Text>
      )}
    </Section>
  );
}

interface MapProps {
  point: GeoPoint;
  centre: GeoPoint | null;
  zoom: number;
  onMove?: (point: GeoPoint) => void;
  describedBy?: string;
}

/** The lazily loaded map, or a note when it cannot be shown: the coordinates work without it. */
function LocationMap(props: MapProps) {
  const { t } = useTranslation();
  const tiles = useMapTiles();
  const [tilesFailed, setTilesFailed] = useState(false);
  const onTilesFailed = useCallback(() => setTilesFailed(true), []);
  const unavailable = <Notice color="gray">{t("registry.location.mapUnavailable")}</Notice>;
  if (tiles.isError || tilesFailed) return unavailable;
  const placeholder = (
    <Box h={240} bg="gray.1" style={{ borderRadius: 8 }}>
      <Loader role="status" aria-label={t("registry.location.mapLoading")} m="md" />
    </Box>
  );
  if (!tiles.data) return placeholder;
  return (
    <MapBoundary fallback={unavailable}>
      <Suspense fallback={placeholder}>
        <LocationMapLeaflet tiles={tiles.data} onTilesFailed={onTilesFailed} {...props} />
      </Suspense>
    </MapBoundary>
  );
}

interface EditorValues {
  lat: string;
  lon: string;
}

interface EditorProps {
  url: string;
  orgSlug: string;
  start: GeoPoint;
  centre: GeoPoint;
  onDone: () => void;
}

/**
 * The editor: the map and the two coordinate fields show the same point, and either moves it. The point
 * is checked as the server checks it (in Germany, within the distance of the postal code's centre).
 */
function LocationEditor({ url, orgSlug, start, centre, onDone }: EditorProps) {
  const { t, i18n } = useTranslation();
  const howToId = useId();
  const intro = useRef<HTMLParagraphElement>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const validateBody = useSchemaValidation(locationInput);
  const format = useCallback(
    (value: number) => formatNumber(value, i18n.language, INPUT_DIGITS),
    [i18n.language],
  );
  const toPoint = (values: EditorValues): GeoPoint => ({
    lat: parseDecimal(values.lat),
    lon: parseDecimal(values.lon),
  });
  const form = useForm<EditorValues>({
    initialValues: { lat: format(start.lat), lon: format(start.lon) },
    // A moved point answers the last complaint; the live distance below says whether it is near enough now.
    onValuesChange: () => {
      form.clearFieldError("point");
      setAlert(null);
    },
    validate: (values) => {
      const point = toPoint(values);
      const errors: Record<string, string> = {};
      for (const [path, message] of Object.entries(validateBody({ point }))) {
        errors[path.replace(/^point\./, "")] = message;
      }
      if (Object.keys(errors).length === 0 && haversineKm(centre, point) > locationMaxDistanceKm)
        errors.point = t("validation.locationTooFar");
      return errors;
    },
  });
  const save = useSaveMutation({
    mutationFn: (point: GeoPoint) => put<CaregiverDetail>(url, { point }),
    successMessage: t("registry.location.saved"),
    invalidate: [caregiverKeys.all(orgSlug)],
    onSuccess: onDone,
    onError: (error) => setAlert(applyApiErrors(error, form.setFieldError, "point.")),
  });

  // Opening the editor replaces the button that had the focus; the explanation is the place to start.
  useEffect(() => {
    intro.current?.focus();
  }, []);

  // Half-typed coordinates ("5", "51,") would throw the marker across the map; it follows the fields only
  // once they name a point in Germany, and otherwise stays where it was.
  const draft = toPoint(form.values);
  const lastValid = useRef(start);
  if (geoPointSchema.safeParse(draft).success) lastValid.current = draft;
  const shown = lastValid.current;
  const km = haversineKm(centre, shown);
  const isTooFar = km > locationMaxDistanceKm;
  const kmText = formatNumber(km, i18n.language, 1);

  const setFields = form.setValues;
  const clearErrors = form.clearErrors;
  const move = useCallback(
    (point: GeoPoint) => {
      setFields({ lat: format(point.lat), lon: format(point.lon) });
      clearErrors();
    },
    [setFields, clearErrors, format],
  );

  const submit = form.onSubmit(
    (values) => {
      setAlert(null);
      save.mutate(toPoint(values));
    },
    () => {
      setAlert(t("errors.validation"));
      focusFirstError();
    },
  );
  const pointError = typeof form.errors.point === "string" ? form.errors.point : null;

  return (
    <Box
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${howToId}-title`}
      data-testid="location-editor"
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id={`${howToId}-title`}>
          {t("registry.location.editorTitle")}
        </Title>
        <Text size="sm" id={howToId} ref={intro} tabIndex={-1} style={{ outline: "none" }}>
          {t("registry.location.howTo")}
        </Text>
        <LocationMap point={shown} centre={centre} zoom={EXACT_ZOOM} onMove={move} describedBy={howToId} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label={t("registry.location.latitude")}
            description={t("registry.location.latitudeHint")}
            inputMode="decimal"
            autoComplete="off"
            required
            {...form.getInputProps("lat")}
            error={form.errors.lat ?? Boolean(pointError)}
            data-testid="location-lat"
          />
          <TextInput
            label={t("registry.location.longitude")}
            description={t("registry.location.longitudeHint")}
            inputMode="decimal"
            autoComplete="off"
            required
            {...form.getInputProps("lon")}
            error={form.errors.lon ?? Boolean(pointError)}
            data-testid="location-lon"
          />
        </SimpleGrid>
        <Text
          size="sm"
          role="status"
          aria-live="polite"
          c={isTooFar ? "red.9" : undefined}
          data-testid="location-distance"
        >
          {isTooFar
            ? t("registry.location.draftTooFar", { km: kmText, max: locationMaxDistanceKm })
            : t("registry.location.draftDistance", { km: kmText })}
        </Text>
        {pointError && (
          <Text size="sm" c="red.9" role="alert" data-testid="location-error">
            {pointError}
          </Text>
        )}
        <FormAlert message={alert} />
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="location-save">
            {t("registry.location.save")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
