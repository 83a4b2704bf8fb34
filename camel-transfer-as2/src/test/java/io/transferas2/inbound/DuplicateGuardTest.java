package io.transferas2.inbound;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateGuardTest {
    private final Set<String> committed = new HashSet<>();
    private final DuplicateGuard guard = new DuplicateGuard(new ReceivedMessageIds() {
        @Override
        public boolean contains(String key) {
            return committed.contains(key);
        }

        @Override
        public boolean add(String key) {
            return committed.add(key);
        }
    });

    @Test
    void keyIsAgreementAndBareMessageId() {
        assertThat(DuplicateGuard.key("a-1", " <id@x> ")).isEqualTo("a-1:id@x");
    }

    @Test
    void secondCopyInFlightIsHeldOffAndCommitMakesItADuplicate() {
        String key = DuplicateGuard.key("a-1", "id");
        assertThat(guard.claim(key)).isEqualTo(DuplicateGuard.State.CLAIMED);
        assertThat(guard.claim(key)).isEqualTo(DuplicateGuard.State.IN_FLIGHT);
        assertThat(guard.commit(key)).isTrue();
        assertThat(guard.claim(key)).isEqualTo(DuplicateGuard.State.DUPLICATE);
    }

    @Test
    void releasedClaimIsNotRecorded() {
        String key = DuplicateGuard.key("a-1", "id");
        assertThat(guard.claim(key)).isEqualTo(DuplicateGuard.State.CLAIMED);
        guard.release(key);
        assertThat(committed).isEmpty();
        assertThat(guard.claim(key)).isEqualTo(DuplicateGuard.State.CLAIMED);
    }

    @Test
    void sameMessageIdUnderAnotherAgreementIsNotADuplicate() {
        guard.claim(DuplicateGuard.key("a-1", "id"));
        guard.commit(DuplicateGuard.key("a-1", "id"));
        assertThat(guard.claim(DuplicateGuard.key("a-2", "id"))).isEqualTo(DuplicateGuard.State.CLAIMED);
    }
}
