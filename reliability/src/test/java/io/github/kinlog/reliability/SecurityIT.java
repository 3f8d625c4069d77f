package io.github.kinlog.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.kinlog.reliability.FaultProxy.Fault;
import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisExtension;
import io.github.kinlog.testsupport.TestStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * Credentials stay secret whatever goes wrong, configuration cannot hold one, and plain HTTP is used only when asked
 * for, with a warning unless the endpoint is on this machine.
 */
@ExtendWith(KinesisExtension.class)
class SecurityIT {
    @Test
    void credentialsNeverAppearInStatusMetricsJmxOrRecords(
            KinesisEndpoint kinesis, TestStream log4j2, TestStream logback) throws Exception {
        assumeTrue(kinesis.managesStreams(), "faults are injected in front of a local endpoint only");
        AwsCredentials credentials = kinesis.credentials().resolveCredentials();
        try (FaultProxy proxy = new FaultProxy(kinesis.endpointOverride().orElseThrow());
                Fleet fleet = Fleet.start(
                        proxy.endpoint(), Options.quick("jmx", "true", "requestTimeoutMs", "2000"), log4j2, logback)) {
            // Every failure path that reports an exception: denied, server errors, resets, timeouts.
            fleet.load(25);
            for (Fault fault : List.of(Fault.ACCESS_DENIED, Fault.SERVER_ERROR, Fault.RESET, Fault.HANG)) {
                proxy.fault(fault);
                Fleet.during(Duration.ofSeconds(fault == Fault.HANG ? 5 : 2));
            }
            proxy.fault(Fault.NONE);
            List<Reconciliation.Outcome> outcomes =
                    fleet.settle("credentials check (faults in turn)", Duration.ofMinutes(2));

            List<String> everything = new ArrayList<>();
            for (LoggingApp app : fleet.apps()) {
                everything.addAll(app.status());
                everything.add(app.metrics().toString());
            }
            outcomes.forEach(outcome -> everything.add(outcome.toString()));
            everything.addAll(jmxAttributes());
            log4j2.readAll().forEach(record -> everything.add(record.dataAsUtf8()));
            logback.readAll().forEach(record -> everything.add(record.dataAsUtf8()));

            assertThat(everything.stream().filter(line -> line.contains("Exception")))
                    .as("the failures were reported, with their exceptions")
                    .isNotEmpty();
            assertThat(everything)
                    .as("status, metrics, JMX and records")
                    .noneMatch(line -> line.contains(credentials.secretAccessKey()))
                    .noneMatch(line -> line.contains(credentials.accessKeyId()));
        }
    }

    @Test
    void noAppenderOptionTakesASecret() {
        // Credentials come from the AWS SDK's provider chain, a named profile, or an assumed role; never from text.
        List<Class<?>> configurable = List.of(
                io.github.kinlog.log4j2.KinesisAppender.Builder.class,
                io.github.kinlog.log4j2.KinlogJsonLayout.class,
                io.github.kinlog.logback.KinesisAppender.class,
                io.github.kinlog.logback.KinlogJsonEncoder.class);
        for (Class<?> type : configurable) {
            for (Method method : type.getMethods()) {
                assertThat(method.getName().toLowerCase(Locale.ROOT))
                        .as("%s.%s", type.getSimpleName(), method.getName())
                        .doesNotContain("secret", "accesskey", "password", "token", "credential");
            }
        }
    }

    @Test
    void plainHttpIsWarnedAboutUnlessTheEndpointIsOnThisMachine(KinesisEndpoint kinesis) {
        Fleet.exportCredentials(kinesis);
        for (Framework framework : Framework.values()) {
            // 192.0.2.1 is reserved for documentation: nothing answers there, and nothing needs to.
            LoggingApp remote = framework.start(
                    "plain-http-" + framework.name(), URI.create("http://192.0.2.1:4567"), Options.quick());
            LoggingApp local = framework.start(
                    "loopback-" + framework.name(), URI.create("http://127.0.0.1:4567"), Options.quick());
            LoggingApp tls =
                    framework.start("tls-" + framework.name(), URI.create("https://192.0.2.1:4567"), Options.quick());
            try {
                assertThat(remote.status())
                        .as(framework.display())
                        .anyMatch(line -> line.startsWith("WARN") && line.contains("plain HTTP"));
                assertThat(local.status()).noneMatch(line -> line.contains("plain HTTP"));
                assertThat(tls.status()).noneMatch(line -> line.contains("plain HTTP"));
            } finally {
                for (LoggingApp app : List.of(remote, local, tls)) {
                    app.stop();
                }
            }
        }
    }

    private static List<String> jmxAttributes() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<String> values = new ArrayList<>();
        for (ObjectName name : server.queryNames(new ObjectName("io.github.kinlog:*"), null)) {
            values.add(name.toString());
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                values.add(attribute.getName() + "=" + server.getAttribute(name, attribute.getName()));
            }
        }
        assertThat(values).as("the senders' MBeans").isNotEmpty();
        return values;
    }
}
