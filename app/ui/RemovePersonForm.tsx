import { Button } from '@digdir/designsystemet-react';
import { Form } from 'react-router';

/**
 * A person in a list (a co-author, a collaborating leader) with a small button that takes them
 * off: it posts `intent` and their `userId` to the page's own action.
 */
export function RemovePersonForm({
  intent,
  userId,
  text,
  button,
  label,
}: {
  intent: string;
  userId: string;
  /** The person as the list shows them. */
  text: string;
  button: string;
  /** The button's accessible name, naming the person. */
  label: string;
}) {
  return (
    <Form method="post" className="sp-row" noValidate>
      <span>{text}</span>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" variant="tertiary" data-size="sm" aria-label={label}>
        {button}
      </Button>
    </Form>
  );
}
