export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: string | Buffer; contentType?: string }[];
}

/** Mail port: .eml files in `${DATA_DIR}/outbox` by default, SMTP when SMTP_URL is set. */
export interface Mailer {
  send(message: MailMessage): Promise<{ id: string }>;
  close(): Promise<void>;
}
