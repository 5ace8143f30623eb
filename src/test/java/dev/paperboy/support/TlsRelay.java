package dev.paperboy.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.AuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.auth.UsernamePasswordValidator;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real TLS-speaking SMTP server for tests (SubEthaSMTP): STARTTLS or implicit TLS, with a certificate made by the
 * JDK's keytool for a chosen name, and AUTH required. It records every message it accepts.
 */
public final class TlsRelay implements AutoCloseable {

    public static final String USER = "paperboy";
    public static final String PASSWORD = "relay-secret";
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    /** A key pair and self-signed certificate for {@code name}, as a PKCS#12 store and a PEM file beside it. */
    public record Certificate(Path keyStore, Path pem) {
        public static Certificate forName(Path dir, String name) throws IOException, InterruptedException {
            Files.createDirectories(dir);
            Path store = dir.resolve(name + ".p12");
            Path pem = dir.resolve(name + ".pem");
            Files.deleteIfExists(store);
            Files.deleteIfExists(pem);
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            String san = name.matches("[0-9.]+") ? "ip:" + name : "dns:" + name;
            run(keytool, "-genkeypair", "-alias", "relay", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=" + name, "-ext", "SAN=" + san, "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD));
            run(keytool, "-exportcert", "-rfc", "-alias", "relay", "-keystore", store.toString(), "-storepass",
                    new String(STORE_PASSWORD), "-file", pem.toString());
            return new Certificate(store, pem);
        }

        SSLContext serverContext() throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                ks.load(in, STORE_PASSWORD);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, STORE_PASSWORD);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            return tls;
        }

        private static void run(String... command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + new String(out));
            }
        }
    }

    /** One accepted message: its envelope, and the user who authenticated for it. */
    public record Received(String from, String to, String user, byte[] data) {}

    public final List<Received> received = new CopyOnWriteArrayList<>();
    public final List<String> logins = new CopyOnWriteArrayList<>();
    private final SMTPServer server;

    public enum Mode { STARTTLS, IMPLICIT_TLS }

    /**
     * @param auth which mechanism the relay offers; build it with {@link #validator()}
     */
    public TlsRelay(int port, Mode mode, Certificate certificate, java.util.function.Function<UsernamePasswordValidator,
            AuthenticationHandlerFactory> auth) throws Exception {
        SSLContext tls = certificate.serverContext();
        SMTPServer.Builder b = new SMTPServer.Builder().port(port).hostName("localhost")
                .authenticationHandlerFactory(auth.apply(validator())).requireAuth(true)
                .connectionTimeout(10, TimeUnit.SECONDS)
                .messageHandler((context, from, to, data) -> received.add(new Received(from, to,
                        context.getAuthenticationHandler().map(h -> String.valueOf(h.getIdentity())).orElse(null),
                        data)));
        if (mode == Mode.STARTTLS) {
            b.enableTLS().requireTLS().startTlsSocketFactory(tls);
        } else {
            b.serverSocketFactory(tls);
        }
        server = b.build();
        server.start();
    }

    private UsernamePasswordValidator validator() {
        return (user, password, context) -> {
            logins.add(user);
            if (!USER.equals(user) || !PASSWORD.equals(password)) {
                throw new LoginFailedException("bad user or password");
            }
        };
    }

    @Override
    public void close() {
        server.stop();
    }
}
