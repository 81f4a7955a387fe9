import { Paragraph } from '@digdir/designsystemet-react';
import { ROLES } from '../../auth/domain/roles';
import { SelectField } from '../../national/ui/SelectField';
import { msg } from '../../../i18n';
import { ErrorSummaryList } from '../../../ui/ErrorSummaryList';
import type { AdminFieldErrors, GrantField } from '../domain/people';

export interface DepartmentOption {
  id: string;
  name: string;
}

const t = msg.trustAdmin;

/** The role and its department, for adding a person and for granting one more role. */
export function GrantFields({
  idPrefix,
  departments,
  values,
  errors,
}: {
  idPrefix: string;
  departments: readonly DepartmentOption[];
  values: Record<GrantField, string>;
  errors: AdminFieldErrors<GrantField>;
}) {
  const error = (field: GrantField) => {
    const code = errors[field];
    return code ? t.errors[code] : undefined;
  };
  return (
    <div className="sp-stack">
      <div className="sp-row">
        <SelectField
          id={`${idPrefix}-role`}
          name="role"
          label={t.role}
          defaultValue={values.role}
          error={error('role')}
          options={[
            { value: '', label: t.chooseRole },
            ...ROLES.map((role) => ({ value: role, label: msg.roles[role] })),
          ]}
        />
        <SelectField
          id={`${idPrefix}-departmentId`}
          name="departmentId"
          label={t.department}
          defaultValue={values.departmentId}
          error={error('departmentId')}
          options={[
            { value: '', label: t.noDepartment },
            ...departments.map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
      </div>
      <Paragraph data-size="sm">{t.departmentHelp}</Paragraph>
    </div>
  );
}

/** The errors of a form, each linking to its field (ids are `${idPrefix}-${field}`). */
export function AdminErrors<F extends string>({
  idPrefix,
  errors,
  labels,
}: {
  idPrefix: string;
  errors: AdminFieldErrors<F>;
  labels: Record<F, string>;
}) {
  const items = (Object.keys(labels) as F[]).flatMap((f) => {
    const code = errors[f];
    return code ? [{ anchor: `${idPrefix}-${f}`, label: labels[f], text: t.errors[code] }] : [];
  });
  return <ErrorSummaryList errors={items} />;
}
