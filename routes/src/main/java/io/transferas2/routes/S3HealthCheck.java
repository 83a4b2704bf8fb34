package io.transferas2.routes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.spi.SupervisingRouteController;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Readiness of the station's S3: DOWN while the configured bucket cannot be reached with HeadBucket through the
 * station's own S3 client (S3 down, bucket missing, access denied), and while the supervising route controller is
 * still restarting routes that could not reach S3 at start, so load balancers steer partners away while the station
 * answers them 503. The probe runs at most once per {@link #setCacheMillis cache period}; calls in between
 * get the last result. The message names the bucket and the failure, never the client's credentials (the SDK's
 * messages carry none).
 */
public class S3HealthCheck implements HealthCheck, CamelContextAware {
    static final String ID = "transfer-as2-s3";
    private static final Duration FRESH = Duration.ofSeconds(1);

    private final Clock clock;
    private CamelContext camelContext;
    private S3Client s3Client;
    private String bucket;
    private long cacheMillis = 10_000;
    private Duration probeTimeout = Duration.ofSeconds(5);
    private boolean enabled = true;
    private Instant probedAt;
    private Result last;
    private boolean lastUnreachable;

    public S3HealthCheck() {
        this(Clock.systemUTC());
    }

    S3HealthCheck(Clock clock) {
        this.clock = clock;
    }

    public void setS3Client(S3Client s3Client) {
        this.s3Client = s3Client;
    }

    /** The bucket probed: the one the route pack's aws2-s3 endpoints are created for (transferas2.bucket). */
    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    /** How long one probe's result is reused (ms). */
    public void setCacheMillis(long cacheMillis) {
        this.cacheMillis = cacheMillis;
    }

    /** Longest one HeadBucket may take, retries included (ms): a hung S3 must not hang the health endpoint. */
    public void setProbeTimeoutMillis(long probeTimeoutMillis) {
        this.probeTimeout = Duration.ofMillis(probeTimeoutMillis);
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    /** Adds this check to the context's health-check registry (the bean's init method). */
    public void register() {
        if (camelContext == null) {
            throw new IllegalStateException("the S3 health check needs the CamelContext");
        }
        HealthCheckRegistry registry = HealthCheckRegistry.get(camelContext);
        if (registry != null) {
            registry.register(this);
        }
    }

    @Override
    public String getGroup() {
        return "transfer-as2";
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        // an S3 outage is not cured by restarting the station
        return false;
    }

    @Override
    public synchronized Result call(Map<String, Object> options) {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(probedAt.plusMillis(cacheMillis))) {
            last = probe();
            probedAt = now;
        }
        Set<String> waiting = routesWaiting();
        if (last.getState() == State.UP && !waiting.isEmpty()) {
            // S3 is back but the routes that write to it are not restarted yet: messages would still be refused
            return HealthCheckResultBuilder.on(this).detail("bucket", bucket)
                    .detail("routes.restarting", String.join(",", waiting)).down()
                    .message("S3 bucket '" + bucket + "' is reachable; routes " + waiting + " are being restarted")
                    .build();
        }
        return last;
    }

    /**
     * Whether a storage failure happening now is transient: S3 does not answer (probed now, or found unreachable in
     * the last second; never the health cache) or routes still wait for it. The inbound route then answers the partner 503 so it sends again; S3 answering with
     * an error (no such bucket, access denied) is not transient.
     */
    public synchronized boolean unavailable() {
        Instant now = clock.instant();
        // an "unreachable" of the last second is fresh enough (many requests failing at once wait for one probe, not
        // each for its own); any other answer is probed again, since a write has just failed
        if (last == null || !lastUnreachable || !now.isBefore(probedAt.plus(FRESH))) {
            last = probe();
            probedAt = now;
        }
        return lastUnreachable || !routesWaiting().isEmpty();
    }

    /** Routes the supervising route controller has not started yet (they could not reach S3 at start). */
    private Set<String> routesWaiting() {
        Set<String> waiting = new TreeSet<>();
        if (camelContext != null && camelContext.getRouteController() instanceof SupervisingRouteController c) {
            c.getRestartingRoutes().forEach(r -> waiting.add(r.getRouteId()));
            c.getExhaustedRoutes().forEach(r -> waiting.add(r.getRouteId()));
        }
        return waiting;
    }

    private Result probe() {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).detail("bucket", bucket);
        lastUnreachable = false;
        try {
            s3Client.headBucket(b -> b.bucket(bucket).overrideConfiguration(o -> o.apiCallTimeout(probeTimeout)));
            return builder.up().build();
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            builder.detail("s3.status", e.statusCode());
            return builder.down().message("S3 bucket '" + bucket + "' answered HTTP " + e.statusCode()
                    + (code == null ? "" : " " + code) + ": AS2 messages cannot be stored").build();
        } catch (SdkException e) {
            lastUnreachable = true;
            return builder.down().message("S3 is unreachable for bucket '" + bucket + "' (" + e.getMessage()
                    + "): AS2 messages are answered 503 until it returns").build();
        }
    }
}
