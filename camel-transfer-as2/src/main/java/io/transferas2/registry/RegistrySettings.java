package io.transferas2.registry;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a registry builds ARNs, tells the time, resolves secrets and where relative key files live.
 * Region and account only shape ARNs; the defaults keep IDs recognisable as local.
 */
public final class RegistrySettings {
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

    private String partition = "aws";
    private String region = "us-east-1";
    private String accountId = "000000000000";
    private Clock clock = Clock.systemUTC();
    private SecretResolver secrets = SecretResolver.environment();
    private Path baseDir;
    private RegistryLimits limits = RegistryLimits.aws();

    public static RegistrySettings defaults() {
        return new RegistrySettings();
    }

    public RegistrySettings region(String region) {
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region must look like us-east-1, was " + region);
        }
        this.region = region;
        return this;
    }

    public RegistrySettings accountId(String accountId) {
        if (!ACCOUNT.matcher(accountId).matches()) {
            throw new IllegalArgumentException("accountId must be 12 digits, was " + accountId);
        }
        this.accountId = accountId;
        return this;
    }

    public RegistrySettings partition(String partition) {
        this.partition = Objects.requireNonNull(partition);
        return this;
    }

    public RegistrySettings clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    public RegistrySettings secrets(SecretResolver secrets) {
        this.secrets = Objects.requireNonNull(secrets);
        return this;
    }

    /** Directory that relative {@code file:} references resolve against (the registry file's directory). */
    public RegistrySettings baseDir(Path baseDir) {
        this.baseDir = baseDir;
        return this;
    }

    public RegistrySettings limits(RegistryLimits limits) {
        this.limits = Objects.requireNonNull(limits);
        return this;
    }

    public String arn(io.transferas2.model.ResourceKind kind, String id) {
        return "arn:" + partition + ":transfer:" + region + ":" + accountId + ":" + kind.arnType() + "/" + id;
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    public Clock clock() {
        return clock;
    }

    public SecretResolver secrets() {
        return secrets;
    }

    public Path baseDir() {
        return baseDir;
    }

    public RegistryLimits limits() {
        return limits;
    }
}
