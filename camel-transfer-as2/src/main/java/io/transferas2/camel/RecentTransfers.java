package io.transferas2.camel;

import java.util.List;
import java.util.Map;

/**
 * Where the dev console gets the station's recent transfers from: a bean of this type in the Camel registry (the
 * durable transfer store provides one). Without it the console shows no recent transfers.
 */
@FunctionalInterface
public interface RecentTransfers {

    /**
     * The latest transfers, newest first, at most {@code limit}. Each is a flat map of AWS-named fields, e.g.
     * {@code TransferId}, {@code ConnectorId} or {@code ServerId}, {@code StatusCode}, {@code FilePath},
     * {@code Timestamp}; values are strings, numbers or booleans.
     */
    List<Map<String, Object>> recentTransfers(int limit);
}
