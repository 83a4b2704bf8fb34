package io.transferas2.registry;

import java.util.List;

/** One page of a List* call: the items and the token for the next page, null on the last page. */
public record Page<T>(List<T> items, String nextToken) {
    public Page {
        items = List.copyOf(items);
    }
}
