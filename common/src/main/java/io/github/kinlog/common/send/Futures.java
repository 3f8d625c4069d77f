package io.github.kinlog.common.send;

import java.util.concurrent.CompletableFuture;

/** Java 8 has no {@code CompletableFuture.failedFuture}. */
final class Futures {
    private Futures() {}

    static <T> CompletableFuture<T> failed(Throwable failure) {
        CompletableFuture<T> future = new CompletableFuture<>();
        future.completeExceptionally(failure);
        return future;
    }
}
