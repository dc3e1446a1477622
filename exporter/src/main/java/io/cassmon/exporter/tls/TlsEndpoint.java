package io.cassmon.exporter.tls;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * TLS for the JDK's HTTPS server: an {@link HttpsConfigurator} whose SSL context reads its certificate, key and client
 * CAs through {@link ReloadingTls}, so replaced files take effect on new connections without a restart.
 */
public final class TlsEndpoint {
    private final TlsSettings settings;
    private final ReloadingTls tls;
    private final SSLContext context;

    private TlsEndpoint(TlsSettings settings, ReloadingTls tls, SSLContext context) {
        this.settings = settings;
        this.tls = tls;
        this.context = context;
    }

    /** Loads every file once, as the endpoint would: a configuration check. */
    public static void check(TlsSettings settings) throws TlsException {
        TlsMaterial.load(settings);
    }

    public static TlsEndpoint create(TlsSettings settings) throws TlsException {
        return create(settings, ReloadingTls.DEFAULT_CHECK_INTERVAL_MILLIS);
    }

    /** As {@link #create(TlsSettings)}, checking the files for changes at most every {@code checkIntervalMillis}. */
    public static TlsEndpoint create(TlsSettings settings, long checkIntervalMillis) throws TlsException {
        ReloadingTls tls = new ReloadingTls(settings, checkIntervalMillis);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManager[] trust = settings.trust() == null ? null
                    : new TrustManager[] {new ReloadingTrustManager(tls)};
            context.init(new KeyManager[] {new ReloadingKeyManager(tls)}, trust, null);
            return new TlsEndpoint(settings, tls, context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM cannot create a TLS context: " + e, e);
        }
    }

    /** Protocols this JVM can speak, e.g. TLSv1.3 and TLSv1.2 (configured ones are checked against this list). */
    public static List<String> supportedProtocols() {
        return Arrays.asList(defaultContext().getSupportedSSLParameters().getProtocols());
    }

    public static List<String> supportedCipherSuites() {
        return Arrays.asList(defaultContext().getSupportedSSLParameters().getCipherSuites());
    }

    public HttpsConfigurator configurator() {
        return new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
                parameters.setProtocols(settings.protocols().toArray(new String[0]));
                if (!settings.cipherSuites().isEmpty()) {
                    parameters.setCipherSuites(settings.cipherSuites().toArray(new String[0]));
                }
                if (settings.clientAuth() == ClientAuth.REQUIRE) {
                    parameters.setNeedClientAuth(true);
                } else if (settings.clientAuth() == ClientAuth.OPTIONAL) {
                    parameters.setWantClientAuth(true);
                }
                params.setSSLParameters(parameters);
            }
        };
    }

    /** The certificate served now: subject, serial number, expiry. */
    public String describeCertificate() {
        return tls.describe();
    }

    /**
     * A context without keys or trusted CAs, enough to ask what the JVM supports: unlike {@link SSLContext#getDefault()}
     * it reads no {@code javax.net.ssl.*} keystore or the JVM's CA file (this runs in premain, which stays light).
     */
    private static SSLContext defaultContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[0], new TrustManager[0], null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no TLS implementation: " + e, e);
        }
    }
}
