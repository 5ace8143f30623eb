package dev.paperboy.ingest;

import dev.paperboy.web.BadInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An uploaded document's text. Uploads must be UTF-8: bytes that are not are refused with where they are, never
 * turned silently into U+FFFD, which would store titles no one can search for.
 */
final class Utf8Body {

    private Utf8Body() {}

    static String decode(byte[] body) {
        if (body == null) {
            return "";
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body);
        try {
            String text = decoder.decode(bytes).toString();
            // A byte-order mark says nothing the format needs.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new BadInputException("The document is not valid UTF-8: the bytes at byte offset "
                    + bytes.position() + " are not a UTF-8 character. Save or convert it as UTF-8 and upload it again.");
        }
    }
}
