package io.transferas2.peers;

import java.util.HashMap;
import java.util.Map;

/**
 * The command line of a role process ({@code <role> --key value --flag ...}): the options after the role as a map;
 * an option without a value maps to {@code "true"}. Shared by the peer harness and the benchmark's child JVMs.
 */
public final class RoleArguments {
    private RoleArguments() {
    }

    public static Map<String, String> parse(String[] args) {
        Map<String, String> map = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String key = args[i].replaceFirst("^--", "");
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                map.put(key, args[++i]);
            } else {
                map.put(key, "true");
            }
        }
        return map;
    }
}
