package io.cassmon.exporter.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The server side of a key manager over {@link ReloadingTls}. Aliases carry the generation they were chosen from, so
 * the certificate chain and key of one handshake always come from the same files even if a reload happens between.
 */
final class ReloadingKeyManager extends X509ExtendedKeyManager {
    private final ReloadingTls tls;

    ReloadingKeyManager(ReloadingTls tls) {
        this.tls = tls;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        ReloadingTls.Generation generation = tls.current();
        return alias(generation, generation.material.keyManager().chooseEngineServerAlias(keyType, issuers, engine));
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        ReloadingTls.Generation generation = tls.current();
        return alias(generation, generation.material.keyManager().chooseServerAlias(keyType, issuers, socket));
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        ReloadingTls.Generation generation = tls.current();
        String[] aliases = generation.material.keyManager().getServerAliases(keyType, issuers);
        if (aliases == null) {
            return null;
        }
        String[] tagged = new String[aliases.length];
        for (int i = 0; i < aliases.length; i++) {
            tagged[i] = alias(generation, aliases[i]);
        }
        return tagged;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        ReloadingTls.Generation generation = generationOf(alias);
        return generation == null ? null : generation.material.keyManager().getCertificateChain(inner(alias));
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        ReloadingTls.Generation generation = generationOf(alias);
        return generation == null ? null : generation.material.keyManager().getPrivateKey(inner(alias));
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }

    private static String alias(ReloadingTls.Generation generation, String alias) {
        return alias == null ? null : generation.id + ":" + alias;
    }

    private ReloadingTls.Generation generationOf(String alias) {
        int colon = alias == null ? -1 : alias.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        try {
            return tls.generation(Integer.parseInt(alias.substring(0, colon)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String inner(String alias) {
        return alias.substring(alias.indexOf(':') + 1);
    }
}
