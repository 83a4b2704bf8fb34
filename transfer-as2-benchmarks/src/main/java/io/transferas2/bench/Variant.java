package io.transferas2.bench;

import java.util.List;

/**
 * One client → server pair of the small-message runs. {@code group} is {@code ours} (our producer to our consumer),
 * {@code peer} (a peer to itself) or {@code cross} (ours with a peer).
 */
record Variant(String name, String label, String group, String server, String sink, String client) {

    static final List<Variant> ALL = List.of(
            new Variant("ours", "ours → ours, in-memory sink", "ours", "ours", "memory", "ours"),
            new Variant("ours-s3", "ours → ours, embedded S3 sink", "ours", "ours", "s3", "ours"),
            new Variant("ours-pg", "ours → ours, in-memory sink, transfer store on PostgreSQL", "ours", "ours",
                    "memory-pg", "ours"),
            new Variant("camel", "camel-as2 → camel-as2, stock (Expect: 100-continue)", "peer", "camel", null,
                    "camel"),
            new Variant("camel-noexpect", "camel-as2 → camel-as2, client without Expect", "peer", "camel", null,
                    "camel-noexpect"),
            new Variant("as2lib", "as2-lib → as2-lib, stock AS2Client", "peer", "as2lib", null, "as2lib"),
            new Variant("as2lib-cachedks", "as2-lib → as2-lib, keystore loaded once", "peer", "as2lib", null,
                    "as2lib-cachedks"),
            new Variant("ours-to-camel", "ours → camel-as2 server", "cross", "camel", null, "ours"),
            new Variant("ours-to-as2lib", "ours → as2-lib receiver", "cross", "as2lib", null, "ours"),
            new Variant("camel-to-ours", "camel-as2 client, stock (Expect) → ours", "cross", "ours", "memory",
                    "camel"),
            new Variant("as2lib-to-ours", "as2-lib client, keystore loaded once → ours", "cross", "ours", "memory",
                    "as2lib-cachedks"));

    static Variant named(String name) {
        return ALL.stream().filter(v -> v.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown variant " + name + "; known: "
                        + ALL.stream().map(Variant::name).toList()));
    }

    boolean ours() {
        return group.equals("ours");
    }
}
