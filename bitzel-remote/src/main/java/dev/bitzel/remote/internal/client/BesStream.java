package dev.bitzel.remote.internal.client;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import dev.bitzel.remote.RemoteException;
import dev.bitzel.remote.internal.proto.bes.BuildEvent;
import dev.bitzel.remote.internal.proto.bes.OrderedBuildEvent;
import dev.bitzel.remote.internal.proto.bes.PublishBuildEventGrpc;
import dev.bitzel.remote.internal.proto.bes.PublishBuildToolEventStreamRequest;
import dev.bitzel.remote.internal.proto.bes.PublishBuildToolEventStreamResponse;
import dev.bitzel.remote.internal.proto.bes.StreamId;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One invocation's PublishBuildToolEventStream: numbers events from 1, keeps each until the server acknowledges
 * it, and after a broken stream opens a new one and resends every unacknowledged event in order (the BES protocol
 * lets a server see a sequence number twice). Not thread-safe: its owner serialises calls.
 */
public final class BesStream implements AutoCloseable {

    private final Channel channel;
    private final StreamId streamId;
    private final Duration timeout;
    private final Retrier retrier;
    private final int maxAttempts;
    private final Deque<PublishBuildToolEventStreamRequest> unacked = new ArrayDeque<>();
    private long sequence;
    private StreamObserver<PublishBuildToolEventStreamRequest> requests;
    private volatile Throwable error;
    private CountDownLatch completed;

    /** A stream on {@code channel} for {@code invocationId}. */
    public BesStream(Channel channel, String invocationId, Duration timeout, Retrier retrier, int maxAttempts) {
        this.channel = channel;
        this.streamId = StreamId.newBuilder().setBuildId(invocationId).setInvocationId(invocationId)
                .setComponent(StreamId.BuildComponent.TOOL).build();
        this.timeout = timeout;
        this.retrier = retrier;
        this.maxAttempts = maxAttempts;
    }

    /** Sends one Bazel event (a packed build_event_stream.BuildEvent). */
    public void send(Any bazelEvent) throws IOException, InterruptedException {
        enqueue(BuildEvent.newBuilder().setEventTime(now()).setBazelEvent(bazelEvent).build());
    }

    private void enqueue(BuildEvent event) throws IOException, InterruptedException {
        PublishBuildToolEventStreamRequest r = PublishBuildToolEventStreamRequest.newBuilder()
                .setOrderedBuildEvent(OrderedBuildEvent.newBuilder().setStreamId(streamId).setSequenceNumber(++sequence)
                        .setEvent(event))
                .build();
        synchronized (unacked) {
            unacked.add(r);
        }
        if (requests == null || error != null) {
            reopen(1);
        } else {
            requests.onNext(r);
        }
    }

    private void reopen(int attempt) throws IOException, InterruptedException {
        if (attempt > 1) {
            Thread.sleep(retrier.backoff(attempt - 1));
        }
        error = null;
        CountDownLatch done = new CountDownLatch(1);
        completed = done;
        requests = PublishBuildEventGrpc.newStub(channel).withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .publishBuildToolEventStream(new StreamObserver<>() {
                    @Override
                    public void onNext(PublishBuildToolEventStreamResponse ack) {
                        synchronized (unacked) {
                            while (!unacked.isEmpty() && unacked.peek().getOrderedBuildEvent().getSequenceNumber()
                                    <= ack.getSequenceNumber()) {
                                unacked.poll();
                            }
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        error = t;
                        done.countDown();
                    }

                    @Override
                    public void onCompleted() {
                        done.countDown();
                    }
                });
        synchronized (unacked) {
            for (PublishBuildToolEventStreamRequest r : unacked) {
                requests.onNext(r);
            }
        }
    }

    /**
     * Sends the stream's last event, ends the stream and waits until the server acknowledged every event, resending on
     * new streams after transient failures.
     *
     * @throws RemoteException when the server refuses or acknowledgements do not arrive in time
     */
    public void finish() throws IOException, InterruptedException {
        enqueue(BuildEvent.newBuilder().setEventTime(now()).setComponentStreamFinished(
                BuildEvent.BuildComponentStreamFinished.newBuilder()
                        .setType(BuildEvent.BuildComponentStreamFinished.FinishType.FINISHED)).build());
        for (int attempt = 1;; attempt++) {
            requests.onCompleted();
            if (!completed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RemoteException("DEADLINE_EXCEEDED", "build events of invocation " + streamId.getInvocationId()
                        + " were not acknowledged within " + timeout, null);
            }
            int left;
            synchronized (unacked) {
                left = unacked.size();
            }
            Status s = error == null ? null : Status.fromThrowable(error);
            if (left == 0 && s == null) {
                requests = null;
                return;
            }
            if (s == null) {
                s = Status.DATA_LOSS.withDescription("the stream ended with " + left + " events unacknowledged");
            }
            if (!Retrier.isTransient(s) || attempt >= maxAttempts) {
                throw retrier.failure("publishing build events of invocation " + streamId.getInvocationId(), s,
                        error, attempt);
            }
            reopen(attempt + 1);
        }
    }

    private static Timestamp now() {
        Instant i = Instant.now();
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    /** Cancels a stream that was not finished. */
    @Override
    public void close() {
        if (requests != null) {
            requests.onError(Status.CANCELLED.withDescription("publisher closed before the build finished")
                    .asRuntimeException());
            requests = null;
        }
    }
}
