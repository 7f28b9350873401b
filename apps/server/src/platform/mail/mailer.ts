/**
 * Outgoing messages to people (password reset links, later notifications). Behind an interface: the
 * default writes to the log, which is what a node without a mail relay can do; tests read the memory outbox.
 */
import type { Logger } from '../log.js';

/** A message to one person. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** Writes mail to the structured log (the default until an SMTP adapter is configured). */
export function createLogMailer(log: Logger): Mailer {
  return {
    send(mail) {
      log.info('mail', { to: mail.to, subject: mail.subject, text: mail.text });
      return Promise.resolve();
    },
  };
}

/** Keeps mail in memory so tests can read what a person would receive. */
export class MemoryMailer implements Mailer {
  readonly outbox: Mail[] = [];
  send(mail: Mail): Promise<void> {
    this.outbox.push(mail);
    return Promise.resolve();
  }
}
