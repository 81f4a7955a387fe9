import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { msg } from '../../../i18n';
import { ChoiceField } from '../../../ui/fields';
import {
  practiceWarning,
  type NationalPractice,
  type PracticeWarning as Warning,
} from '../domain/practice';
import { variationHref } from './PrecedentList';
import { RouteLink } from '../../../ui/RouteLink';

/** The form field that confirms a decision against national practice. */
export const CONFIRM_FIELD = 'bekreftAvvik';
export const CONFIRM_VALUE = 'ja';

/**
 * Inside the decision form: the warning when the chosen outcome goes against national practice,
 * with the numbers, a link to the variation view and «Bekreft vedtaket likevel». Without
 * JavaScript it appears after posting (the server returns the form with the warning); with
 * JavaScript also as soon as the outcome is chosen. It never blocks: ticking the box decides.
 */
export function PracticeWarning({
  practice,
  atc,
  diagnosis,
  fromServer,
  idPrefix,
}: {
  practice: NationalPractice | null;
  atc: string | null;
  diagnosis: string | null;
  /** The warning the server gave for the posted outcome. */
  fromServer: Warning | null;
  idPrefix: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [live, setLive] = useState<Warning | null>(null);
  const [chosenByUser, setChosenByUser] = useState(false);
  useEffect(() => {
    const form = ref.current?.closest('form');
    if (!form || !practice) return;
    const update = () => {
      const outcome = new FormData(form).get('outcome');
      setChosenByUser(true);
      setLive(typeof outcome === 'string' ? practiceWarning(outcome, practice) : null);
    };
    form.addEventListener('change', update);
    return () => form.removeEventListener('change', update);
  }, [practice]);
  const warning = chosenByUser ? live : fromServer;
  const t = msg.precedents;
  const headingId = `${idPrefix}-practice-warning`;
  return (
    <div ref={ref}>
      {warning && (
        <Alert data-color="warning" aria-labelledby={headingId}>
          <Heading level={4} data-size="xs" id={headingId}>
            {t.warningTitle}
          </Heading>
          <Paragraph>
            {warning.kind === 'rejectingAgainstApproval'
              ? t.warningRejecting(t.percent(warning.share), warning.total)
              : t.warningApproving(t.percent(warning.share), warning.total)}
          </Paragraph>
          <Paragraph>{t.warningAdvice}</Paragraph>
          {atc && diagnosis && (
            <Paragraph>
              <RouteLink to={variationHref(atc, diagnosis)}>{t.variationLink}</RouteLink>
            </Paragraph>
          )}
          <Paragraph data-size="sm">{t.confirmHint}</Paragraph>
          <ChoiceField
            type="checkbox"
            id={`${idPrefix}-confirm`}
            name={CONFIRM_FIELD}
            value={CONFIRM_VALUE}
            label={t.confirmAnyway}
          />
        </Alert>
      )}
    </div>
  );
}
