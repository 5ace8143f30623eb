package dev.paperboy.mail.smtp;

import jakarta.mail.MessagingException;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** What a failed send means for the outbox row: retry, give up, or give up because it may have arrived. */
public record SmtpFailure(Kind kind, boolean badAddress, String reason) {

    public enum Kind { TRANSIENT, PERMANENT, UNKNOWN_OUTCOME }

    /** @param handedOver whether the end-of-data dot may have reached the relay */
    public static SmtpFailure classify(MessagingException e, boolean handedOver) {
        int code = 0;
        boolean address = false;
        for (Exception x = e; x != null;
                x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) {
                code = a.getReturnCode();
                address = true;
                break;
            }
            if (x instanceof SMTPSendFailedException s && s.getReturnCode() > 0) {
                code = s.getReturnCode();
            }
        }
        String reason = (code > 0 ? code + " " : "") + String.valueOf(e.getMessage()).strip() + ioCause(e);
        if (code >= 500) {
            return new SmtpFailure(Kind.PERMANENT, address, reason);
        }
        if (code >= 400 || !handedOver) {
            return new SmtpFailure(Kind.TRANSIENT, false, reason);
        }
        // Connection lost after the dot: the relay may have queued it. Resending could duplicate.
        return new SmtpFailure(Kind.UNKNOWN_OUTCOME, false, reason);
    }

    /** Jakarta Mail reports a lost or timed-out connection as "Exception reading response"; the cause says which. */
    private static String ioCause(MessagingException e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof IOException && c.getMessage() != null && !c.getMessage().isBlank()) {
                return String.valueOf(e.getMessage()).contains(c.getMessage()) ? "" : ": " + c.getMessage().strip();
            }
        }
        return "";
    }
}
