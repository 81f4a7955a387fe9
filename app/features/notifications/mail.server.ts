import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { SMTP_TIMEOUTS } from './domain/outbox';

export interface MailConfig {
  /** smtp:// or smtps:// URL of the mail server; null: mail is caught in the development mailbox. */
  smtpUrl: string | null;
  /** The sender, e.g. `Søknadsportal <ikke-svar@helse-bergen.no>`. */
  from: string;
  /** Where the app is reached (links in e-mail), without a trailing slash. */
  publicUrl: string;
  /** Folder of the development mailbox (only without SMTP and outside production); null: none. */
  mailboxDir: string | null;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/** Sends through SMTP, or, in development without SMTP_URL, writes each mail to the mailbox folder. */
export function createMailer(config: MailConfig): Mailer {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport({ url: config.smtpUrl, ...SMTP_TIMEOUTS });
    return {
      async send(mail) {
        await transport.sendMail({ from: config.from, ...mail });
      },
    };
  }
  const dir = config.mailboxDir;
  if (!dir) throw new Error('Mail: neither SMTP_URL nor a development mailbox is configured');
  const transport = nodemailer.createTransport({ jsonTransport: true });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: config.from, ...mail });
      await mkdir(dir, { recursive: true });
      const name = `${Date.now()}-${randomBytes(4).toString('hex')}.json`;
      await writeFile(join(dir, name), info.message, { mode: 0o600 });
    },
  };
}

const caughtSchema = z.object({
  from: z.object({ address: z.string() }).optional(),
  to: z.array(z.object({ address: z.string() })),
  subject: z.string(),
  text: z.string(),
  date: z.string().optional(),
});

export interface CaughtMail {
  id: string;
  to: string;
  subject: string;
  text: string;
}

const MAILBOX_LIMIT = 100;

/** The development mailbox, newest first. */
export async function readMailbox(dir: string): Promise<CaughtMail[]> {
  const names = await readdir(dir).catch((error: unknown) => {
    if ((error as { code?: string }).code === 'ENOENT') return [];
    throw error;
  });
  const newest = names
    .filter((n) => n.endsWith('.json'))
    .sort()
    .reverse()
    .slice(0, MAILBOX_LIMIT);
  const out: CaughtMail[] = [];
  for (const name of newest) {
    const parsed = caughtSchema.safeParse(JSON.parse(await readFile(join(dir, name), 'utf8')));
    if (!parsed.success) continue;
    out.push({
      id: name.replace(/\.json$/, ''),
      to: parsed.data.to.map((t) => t.address).join(', '),
      subject: parsed.data.subject,
      text: parsed.data.text,
    });
  }
  return out;
}
