package dev.paperboy.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Everything about turning outbox rows into delivered email. */
@ConfigMapping(prefix = "paperboy.mail")
public interface MailConfig {

    enum Transport { FILE, SMTP }

    /** {@code file} writes every message as an .eml file under {@code <data-dir>/outbox}; {@code smtp} sends it. */
    @WithDefault("file")
    Transport transport();

    /** From of digests, RFC 5322 form, e.g. {@code Paperboy <digest@example.org>}. */
    @WithDefault("Paperboy <digest@localhost>")
    String from();

    /** Reply-To of digests; unset means replies go to From. */
    Optional<String> replyTo();

    /**
     * From of confirmation and manage emails. Unset: the digests' From, so a subscriber meets one sender (and
     * one address to allow-list); set it to keep the two streams' reputations apart.
     */
    Optional<String> accountFrom();

    /** Domain on the right of every Message-ID; use the sending domain. */
    @WithDefault("paperboy.localhost")
    String messageIdDomain();

    /** List-Id header value (RFC 2919). */
    @WithDefault("Paperboy daily papers <daily.paperboy.localhost>")
    String listId();

    /** Mailbox for mailto: unsubscribes in List-Unsubscribe, e.g. {@code unsubscribe@example.org}. */
    Optional<String> unsubscribeMailto();

    /** Sender postal address printed in every digest footer, as bulk-mail law in many countries expects. */
    @WithDefault("Paperboy, 1 Example Street, 00000 Example City")
    String postalAddress();

    Smtp smtp();

    Delivery delivery();

    /** The SMTP relay. Timeouts are always set so a stuck relay cannot stall a run. */
    interface Smtp {
        /** Relay host. */
        @WithDefault("localhost")
        String host();

        /** Relay port: 587 with STARTTLS, 465 with TLS, 25 plain. */
        @WithDefault("25")
        int port();

        /** Upgrade with STARTTLS, and refuse to send if the relay does not offer it. */
        @WithDefault("false")
        boolean starttls();

        /** Implicit TLS from the first byte (port 465). */
        @WithDefault("false")
        boolean tls();

        /**
         * PEM file of the certificates to trust for the relay's TLS, in place of the JVM's: a private CA, or the
         * relay's own certificate. Unset, the JVM's trusted CAs. Either way the certificate must be valid and
         * name the relay's host.
         */
        Optional<Path> trustCertificates();

        /** SMTP AUTH user; unset means no authentication. */
        Optional<String> user();

        /** SMTP AUTH password. */
        Optional<String> password();

        /** TCP connect timeout. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** Longest wait for any one read from the relay; past it the connection is closed. */
        @WithDefault("30s")
        Duration readTimeout();

        /** Longest any one write to the relay may block; past it the connection is closed. */
        @WithDefault("30s")
        Duration writeTimeout();

        /** Concurrent SMTP connections during a send run. */
        @WithDefault("4")
        int connections();

        /** A connection is closed and reopened after this many messages. */
        @WithDefault("500")
        int messagesPerConnection();

        /**
         * Send each message's MAIL FROM, RCPT TO and DATA without waiting (RFC 2920) when the relay announces
         * PIPELINING, and read each message's end-of-data reply with the next envelope's: one round trip per
         * message instead of four. Off only for a relay that announces it but mishandles it.
         */
        @WithDefault("true")
        boolean pipelining();
    }

    /** The sending engine. */
    interface Delivery {
        /** Global cap in messages per second across all connections of this instance; 0 means no cap. */
        @WithDefault("0")
        double ratePerSecond();

        /** Attempts before a transiently failing message is marked failed. */
        @WithDefault("6")
        int maxAttempts();

        /** Wait before the first retry; doubles on every further attempt. */
        @WithDefault("30s")
        Duration initialBackoff();

        /**
         * A claimed row not finished in this time by a run that stopped renewing it (a crash) is taken over by
         * another run. A live run renews its leases every third of this.
         */
        @WithDefault("2m")
        Duration lease();

        /**
         * Rows claimed per database round trip; the next batch is claimed while the first half of the current one
         * is sent.
         */
        @WithDefault("100")
        int batchSize();

        /** How often retries and rows left by a crashed instance are picked up; {@code off} disables. */
        @WithDefault("30s")
        String drainInterval();
    }
}
