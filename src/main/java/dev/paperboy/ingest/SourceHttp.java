package dev.paperboy.ingest;

import dev.paperboy.web.UnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GETs a source document with a timeout and a size bound, turning every failure into one clear error. */
final class SourceHttp {

    private static final int MAX_BODY_CHARS = 20_000_000;

    private final HttpClient http;
    private final Duration timeout;
    private final String sourceName;

    SourceHttp(Duration timeout, String sourceName) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
        this.sourceName = sourceName;
    }

    String get(URI uri, String accept) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new UnavailableException(sourceName + " answered " + response.statusCode() + " for " + uri, null);
            }
            if (response.body().length() > MAX_BODY_CHARS) {
                throw new UnavailableException(sourceName + " response too large from " + uri, null);
            }
            return response.body();
        } catch (IOException e) {
            throw new UnavailableException("Cannot reach the " + sourceName + " at " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted while fetching " + uri, e);
        }
    }
}
