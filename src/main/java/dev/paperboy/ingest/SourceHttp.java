package dev.paperboy.ingest;

import dev.paperboy.web.UnavailableException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GETs a source document, turning every failure into one clear error. The whole exchange, body included, must
 * finish within the timeout, and a body over the size bound is abandoned as soon as it crosses it: a source that
 * drips bytes or sends without end cannot stall or exhaust the daily job.
 */
final class SourceHttp {

    static final int MAX_BODY_BYTES = 20_000_000;
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset=\"?([\\w.:-]+)");

    private final HttpClient http;
    private final Duration timeout;
    private final String sourceName;
    private final int maxBytes;

    SourceHttp(Duration timeout, String sourceName) {
        this(timeout, sourceName, MAX_BODY_BYTES);
    }

    SourceHttp(Duration timeout, String sourceName, int maxBytes) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
        this.sourceName = sourceName;
        this.maxBytes = maxBytes;
    }

    String get(URI uri, String accept) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET().build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info -> info.statusCode() == 200
                ? new BoundedBody(maxBytes) : HttpResponse.BodySubscribers.replacing(null));
        try {
            HttpResponse<byte[]> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                String answered = sourceName + " answered " + response.statusCode() + " for " + uri;
                Optional<Duration> later = retryAfter(response);
                throw later.isPresent() ? new SourceBusyException(answered + ", asking to wait " + later.get(), later.get())
                        : new UnavailableException(answered, null);
            }
            return new String(response.body(), charset(response));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new UnavailableException(sourceName + " did not finish sending " + uri + " within " + timeout, e);
        } catch (ExecutionException e) {
            if (causedByTooLarge(e)) {
                throw new UnavailableException(sourceName + " response from " + uri + " is larger than "
                        + maxBytes / 1_000_000 + " MB", null);
            }
            throw new UnavailableException("Cannot reach the " + sourceName + " at " + uri, e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted while fetching " + uri, e);
        }
    }

    /** @return the wait a 429 or 503 asks for: {@code Retry-After} in seconds or as an HTTP date */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        if (response.statusCode() != 429 && response.statusCode() != 503) {
            return Optional.empty();
        }
        return response.headers().firstValue("Retry-After").map(String::strip).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    java.time.ZonedDateTime at = java.time.ZonedDateTime.parse(value,
                            java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration until = Duration.between(java.time.Instant.now(), at.toInstant());
                    return Optional.of(until.isNegative() ? Duration.ZERO : until);
                } catch (java.time.format.DateTimeParseException neither) {
                    return Optional.empty();
                }
            }
        });
    }

    private static boolean causedByTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BoundedBody.TooLarge) {
                return true;
            }
        }
        return false;
    }

    /** The charset the response declares, UTF-8 when it declares none or one this JVM does not know. */
    private static Charset charset(HttpResponse<?> response) {
        Optional<String> type = response.headers().firstValue("Content-Type");
        Matcher m = CHARSET.matcher(type.orElse(""));
        if (m.find() && Charset.isSupported(m.group(1))) {
            return Charset.forName(m.group(1));
        }
        return StandardCharsets.UTF_8;
    }
}
