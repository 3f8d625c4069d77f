package io.github.kinlog.testsupport;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real Kinesis API. Declare {@code @ExtendWith(KinesisExtension.class)} and take parameters:
 *
 * <ul>
 *   <li>{@link KinesisEndpoint}: the endpoint, started once for the whole test run (kinesis-mock on Node.js unless
 *       configured otherwise) and stopped when the run ends, whether tests passed or failed;
 *   <li>{@link TestStream}: a new, uniquely named, ACTIVE stream for this test, with the shard count given by
 *       {@link Shards} (one by default), deleted after the test (or after the class, for {@code @BeforeAll}).
 * </ul>
 *
 * <p>Works for test methods and for lifecycle methods. If the endpoint cannot be started, every test that asks for it
 * fails with the same {@link KinesisSetupException}, which says what to install or change.
 */
public final class KinesisExtension implements ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(KinesisExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == KinesisEndpoint.class || type == TestStream.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        KinesisEndpoint endpoint = sharedEndpoint(extensionContext);
        if (parameterContext.getParameter().getType() == KinesisEndpoint.class) {
            return endpoint;
        }
        int shards =
                parameterContext.findAnnotation(Shards.class).map(Shards::value).orElse(1);
        String prefix = extensionContext
                .getTestMethod()
                .map(Method::getName)
                .orElseGet(() -> extensionContext.getRequiredTestClass().getSimpleName());
        TestStream stream = endpoint.newTestStream(prefix, shards);
        if (endpoint.managesStreams()) {
            // Closed when this test (or class, for lifecycle methods) ends, so the emulator's memory stays small.
            AutoCloseable deletion = () -> endpoint.deleteStream(stream.name());
            extensionContext.getStore(NAMESPACE).put(stream.name(), deletion);
        }
        return stream;
    }

    private static KinesisEndpoint sharedEndpoint(ExtensionContext context) {
        // The root store lives for the whole run and closes what it holds when the run ends.
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        SharedEndpoint.class,
                        key -> SharedEndpoint.start(new KinesisTestSettings(context::getConfigurationParameter)),
                        SharedEndpoint.class)
                .get();
    }

    /** The run's endpoint, or why it could not be started, so later tests fail at once with the same message. */
    private static final class SharedEndpoint implements AutoCloseable {
        private final KinesisEndpoint endpoint;
        private final RuntimeException failure;

        private SharedEndpoint(KinesisEndpoint endpoint, RuntimeException failure) {
            this.endpoint = endpoint;
            this.failure = failure;
        }

        static SharedEndpoint start(KinesisTestSettings settings) {
            try {
                return new SharedEndpoint(KinesisBackends.start(settings), null);
            } catch (RuntimeException e) {
                return new SharedEndpoint(null, e);
            }
        }

        KinesisEndpoint get() {
            if (failure != null) {
                throw failure;
            }
            return endpoint;
        }

        @Override
        public void close() {
            if (endpoint != null) {
                endpoint.close();
            }
        }
    }
}
