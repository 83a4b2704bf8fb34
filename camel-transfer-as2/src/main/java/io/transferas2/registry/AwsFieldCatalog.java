package io.transferas2.registry;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;

import io.transferas2.model.ResourceKind;

/**
 * AWS fields of each kind that this runtime does not model but accepts and keeps, so the output of
 * {@code aws transfer describe-*} loads unchanged. Anything else is a typo and is rejected with a suggestion.
 */
final class AwsFieldCatalog {
    private static final Map<ResourceKind, Set<String>> UNMODELLED = Map.of(
            ResourceKind.CONNECTOR, Set.of("SftpConfig", "ServiceManagedEgressIpAddresses", "SecurityPolicyName",
                    "EgressConfig", "EgressType", "ErrorMessage", "Status", "IpAddressType"),
            ResourceKind.SERVER, Set.of("Certificate", "Domain", "EndpointDetails", "EndpointType",
                    "HostKeyFingerprint", "HostKey", "IdentityProviderDetails", "IdentityProviderType",
                    "LoggingRole", "PostAuthenticationLoginBanner", "PreAuthenticationLoginBanner",
                    "SecurityPolicyName", "UserCount", "WorkflowDetails", "StructuredLogDestinations",
                    "S3StorageOptions", "As2ServiceManagedEgressIpAddresses", "IpAddressType"),
            ResourceKind.PROFILE, Set.of(),
            ResourceKind.CERTIFICATE, Set.of(),
            ResourceKind.AGREEMENT, Set.of());

    private AwsFieldCatalog() {
    }

    static void check(ResourceKind kind, Set<String> given, Set<String> modelled) {
        Set<String> accepted = UNMODELLED.get(kind);
        for (String name : given) {
            if (!accepted.contains(name)) {
                String suggestion = closest(name, modelled);
                throw new InvalidRequestException(kind.displayName() + ": unknown field '" + name + "'"
                        + (suggestion != null ? "; did you mean '" + suggestion + "'?" : ""));
            }
        }
    }

    /** The known name closest to a misspelt one, or null when nothing is close. */
    static String closest(String name, Set<String> known) {
        return known.stream()
                .min(Comparator.comparingInt(k -> distance(name.toLowerCase(), k.toLowerCase())))
                .filter(k -> distance(name.toLowerCase(), k.toLowerCase()) <= Math.max(2, name.length() / 4))
                .orElse(null);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
