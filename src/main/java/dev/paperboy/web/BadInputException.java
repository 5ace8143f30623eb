package dev.paperboy.web;

/** Input a client can fix. Mapped to 400 with the message shown verbatim, so the message must name the bad value. */
public class BadInputException extends RuntimeException {

    private static final int SHOWN_CHARS = 60;

    public BadInputException(String message) {
        super(message);
    }

    /**
     * @return a client's value made safe to quote back in a message: control characters (CR/LF included) as
     *     '?', and at most {@value #SHOWN_CHARS} characters, so a huge or hostile value is never echoed whole
     */
    public static String shown(String value) {
        String clean = String.valueOf(value).replaceAll("\\p{Cntrl}", "?");
        return clean.length() > SHOWN_CHARS ? clean.substring(0, SHOWN_CHARS) + "…" : clean;
    }
}
