package io.transferas2.registry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * MaxResults/NextToken paging over resources sorted by ID. Tokens are opaque to callers and tied to the listing they
 * came from (the operation and its filters, the "scope"): another listing's token is an InvalidNextTokenException, as
 * in AWS.
 */
final class Paging {
    static final int MAX_RESULTS = 1000;
    private static final String PREFIX = "v2:";

    private Paging() {
    }

    static <T, R> Page<R> page(String scope, NavigableMap<String, T> byId, Integer maxResults, String nextToken,
                               Predicate<T> filter, Function<T, R> view) {
        int limit = limit(maxResults);
        Collection<T> candidates = nextToken == null ? byId.values()
                : byId.tailMap(decode(scope, nextToken), false).values();
        List<R> items = new ArrayList<>();
        String lastId = null;
        boolean more = false;
        for (T value : candidates) {
            if (!filter.test(value)) {
                continue;
            }
            if (items.size() == limit) {
                more = true;
                break;
            }
            items.add(view.apply(value));
            lastId = ((io.transferas2.model.TransferResource) value).id();
        }
        return new Page<>(items, more ? encode(scope, lastId) : null);
    }

    /** Pages over a plain list (tags), the token being the next index. */
    static <T> Page<T> page(String scope, List<T> all, Integer maxResults, String nextToken) {
        int limit = limit(maxResults);
        int start = nextToken == null ? 0 : parseIndex(decode(scope, nextToken), all.size());
        int end = Math.min(all.size(), start + limit);
        return new Page<>(all.subList(start, end), end < all.size() ? encode(scope, Integer.toString(end)) : null);
    }

    static int limit(Integer maxResults) {
        if (maxResults == null) {
            return MAX_RESULTS;
        }
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            throw new InvalidRequestException("MaxResults must be between 1 and " + MAX_RESULTS + ", was "
                    + maxResults);
        }
        return maxResults;
    }

    private static String encode(String scope, String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + scope + "|" + position)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String scope, String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String expected = PREFIX + scope + "|";
            if (text.startsWith(expected)) {
                return text.substring(expected.length());
            }
        } catch (IllegalArgumentException e) {
            // fall through to the error below
        }
        throw new InvalidNextTokenException("NextToken is not valid: pass the NextToken of the previous response");
    }

    private static int parseIndex(String position, int size) {
        try {
            int index = Integer.parseInt(position);
            if (index >= 0 && index <= size) {
                return index;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidNextTokenException("NextToken is not valid: pass the NextToken of the previous response");
    }
}
