/**
 * Which of a report's values a stored record takes. Another report of a stored record (matched
 * under another id) adds only names; a report of a stored meeting under its own id keeps the first
 * report's numbers. Either way each report's own date, place and figures are kept as claims, and a
 * meeting's status follows the latest report ("scheduled", then "held").
 */
import { Label } from '../../graph/model';

type Props = Record<string, unknown>;

const NAME_FIELDS = new Set(['name', 'aliases', 'nameText', 'sortName']);

/** A meeting's status and the publication date it is as of, when this report is no older. */
function statusUpdate(props: Props, stored: Props, publishedAt: string): Props {
  const asOf = String(stored.statusAsOf ?? stored.firstReported ?? '');
  return props.status !== undefined && publishedAt >= asOf
    ? { status: props.status, statusAsOf: publishedAt }
    : {};
}

export function keptForMatch(label: Label, props: Props, stored: Props, publishedAt: string): Props {
  const kept = Object.fromEntries(Object.entries(props).filter(([key]) => NAME_FIELDS.has(key)));
  return label === Label.Meeting ? { ...kept, ...statusUpdate(props, stored, publishedAt) } : kept;
}

export function keptForReport(props: Props, stored: Props, publishedAt: string): Props {
  const {
    nationsRepresented,
    nationsRepresentedApproximate,
    status: _status,
    statusAsOf: _statusAsOf,
    ...rest
  } = props;
  const kept: Props = { ...rest, ...statusUpdate(props, stored, publishedAt) };
  if (stored.nationsRepresented == null) {
    kept.nationsRepresented = nationsRepresented;
    kept.nationsRepresentedApproximate = nationsRepresentedApproximate;
  }
  return kept;
}
