package dev.paperboy.support;

import dev.paperboy.mail.MailConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Relay settings for tests that drive the SMTP messenger without the application: short timeouts, one connection. */
public record TestSmtp(String host, int port, boolean starttls, boolean tls, Optional<String> user,
        Optional<String> password, Optional<Path> trustCertificates, boolean pipelining) implements MailConfig.Smtp {

    public static TestSmtp plain(int port) {
        return new TestSmtp("127.0.0.1", port, false, false, Optional.empty(), Optional.empty(), Optional.empty(), true);
    }

    public TestSmtp withPipelining(boolean on) {
        return new TestSmtp(host, port, starttls, tls, user, password, trustCertificates, on);
    }

    public TestSmtp withStarttls() {
        return new TestSmtp(host, port, true, false, user, password, trustCertificates, pipelining);
    }

    public TestSmtp withImplicitTls() {
        return new TestSmtp(host, port, false, true, user, password, trustCertificates, pipelining);
    }

    public TestSmtp withLogin(String name, String secret) {
        return new TestSmtp(host, port, starttls, tls, Optional.of(name), Optional.of(secret), trustCertificates,
                pipelining);
    }

    public TestSmtp trusting(Path pem) {
        return new TestSmtp(host, port, starttls, tls, user, password, Optional.of(pem), pipelining);
    }

    public TestSmtp at(String otherHost) {
        return new TestSmtp(otherHost, port, starttls, tls, user, password, trustCertificates, pipelining);
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Duration readTimeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Duration writeTimeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public int connections() {
        return 1;
    }

    @Override
    public int messagesPerConnection() {
        return 100;
    }
}
