import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import type { LoggedOutPage } from '../domain/logged-out-post';

/**
 * The answer to a form posted after the session ended (401, ADR 0036), from the post alone: that
 * nothing was saved, what the user typed (read-only, to copy), a login link that opens a new tab
 * and «Send på nytt», which sends the same fields to the same address once they have logged in
 * there. A post that carried a file is not offered again (the file is not echoed): the user is
 * told to choose it again on the form, with the text above to copy. Its words come with the data
 * (`loggedOutPage`), resolved on the server.
 */
export function LoggedOutPostPage({ post }: { post: LoggedOutPage }) {
  const t = post.words;
  return (
    <div className="sp-stack">
      <title>{`${t.title} – ${msg.app.name}`}</title>
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Alert data-color="warning">
        <Paragraph>{t.body}</Paragraph>
      </Alert>
      {post.typed.length > 0 && (
        <section className="sp-stack" aria-labelledby="logged-out-typed">
          <Heading level={2} data-size="sm" id="logged-out-typed">
            {t.typed}
          </Heading>
          <dl className="sp-dl">
            {post.typed.map((typed, i) => (
              <div key={i}>
                <dt>{post.labels[i]}</dt>
                <dd>
                  <blockquote className="sp-quote">{typed.text}</blockquote>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <Paragraph>{t.howTo}</Paragraph>
      <Paragraph>
        <Link href={post.signIn} target="_blank" rel="noopener">
          {t.signIn}
        </Link>
      </Paragraph>
      {post.resend && (
        <Form method="post" action={post.resend.action} encType={post.resend.encoding}>
          {post.resend.fields.map(([name, value], i) => (
            <input key={i} type="hidden" name={name} value={value} />
          ))}
          <Button type="submit">{t.sendAgain}</Button>
        </Form>
      )}
    </div>
  );
}
