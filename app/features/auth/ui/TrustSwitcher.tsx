import { Button, Label, Select } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import type { ActingTrust } from '../domain/roles';

/**
 * The header's switcher for a user with roles in several trusts: a plain form posting to the
 * chooser's action (works without JavaScript), which rotates the session and lands on the start
 * page (ADR 0026).
 */
export function TrustSwitcher({ trusts, current }: { trusts: ActingTrust[]; current: string }) {
  const t = msg.trustChoice;
  return (
    <Form method="post" action="/velg-helseforetak" className="sp-row sp-trust-switcher">
      <Label htmlFor="trust-switcher" data-size="sm">
        {t.switcherLabel}
      </Label>
      <Select
        id="trust-switcher"
        name="trustId"
        defaultValue={current}
        data-size="sm"
        key={current}
      >
        {trusts.map((trust) => (
          <Select.Option key={trust.id} value={trust.id}>
            {trust.name}
          </Select.Option>
        ))}
      </Select>
      <Button type="submit" variant="secondary" data-size="sm">
        {t.switchButton}
      </Button>
    </Form>
  );
}
