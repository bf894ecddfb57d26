package de.handinhand.gateway.security;

import com.github.benmanes.caffeine.cache.Ticker;
import de.handinhand.gateway.GatewayConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The gateway's one {@link VerifiedTokens}, sized from its configuration, with its metrics published. */
@Singleton
public class TokenCacheProducer {

    @Produces
    @Singleton
    VerifiedTokens verifiedTokens(GatewayConfig config, MeterRegistry registry) {
        VerifiedTokens tokens = new VerifiedTokens(config.tokenCache().size(), System::currentTimeMillis,
                Ticker.systemTicker());
        tokens.monitor(registry, "gateway.verified-tokens");
        return tokens;
    }
}
