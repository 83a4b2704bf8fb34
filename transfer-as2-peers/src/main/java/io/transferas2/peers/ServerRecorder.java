package io.transferas2.peers;

import java.util.ArrayList;
import java.util.List;
import java.time.Duration;

/** The thread-safe record of what a harness server saw, shared by both peers' servers. */
final class ServerRecorder {

    private final List<ReceivedMessage> messages = new ArrayList<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private volatile ServerBehaviour behaviour = ServerBehaviour.NORMAL;

    synchronized void request(RecordedRequest request) {
        requests.add(request);
    }

    synchronized void message(ReceivedMessage message) {
        messages.add(message);
        notifyAll();
    }

    synchronized List<ReceivedMessage> messages() {
        return List.copyOf(messages);
    }

    synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized List<ReceivedMessage> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (messages.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(messages);
    }

    synchronized void clear() {
        messages.clear();
        requests.clear();
    }

    ServerBehaviour behaviour() {
        return behaviour;
    }

    void behaviour(ServerBehaviour value) {
        behaviour = value;
    }

    /** Blocks the calling request thread for the hang time, or until interrupted. */
    static void hang(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ArrayList<String> list(String value) {
        ArrayList<String> list = new ArrayList<>();
        list.add(value);
        return list;
    }
}
