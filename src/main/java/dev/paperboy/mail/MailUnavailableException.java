package dev.paperboy.mail;

import dev.paperboy.web.UnavailableException;

/** The relay could not take an email someone is waiting for; they should try again later. */
public class MailUnavailableException extends UnavailableException {
    public MailUnavailableException(Throwable cause) {
        super("We could not send the email just now. Nothing was lost; please try again in a few minutes.", cause);
    }
}
