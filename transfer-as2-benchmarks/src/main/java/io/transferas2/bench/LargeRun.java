package io.transferas2.bench;

/** One large-file transfer of the run: who sends to whom, and how big. */
record LargeRun(String pair, String label, String server, String client, long bytes) {
    String name() {
        return pair + "-" + Sizes.format(bytes);
    }
}
