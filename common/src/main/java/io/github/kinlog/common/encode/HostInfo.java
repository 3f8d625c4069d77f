package io.github.kinlog.common.encode;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * This machine's host name and process id, found without touching the network: an appender must start even when DNS
 * is slow or down. The host name comes from the environment or the kernel; only where neither tells (not Linux, no
 * HOSTNAME variable) is {@link InetAddress} asked, on a background thread, and "unknown" written until it answers.
 */
public final class HostInfo {
    private static final long PID = findPid();
    private static volatile String hostName = findHostNameLocally();

    static {
        if (hostName == null) {
            hostName = "unknown";
            Thread resolver = new Thread(HostInfo::resolveWithInetAddress, "kinlog-hostname");
            resolver.setDaemon(true);
            resolver.start();
        }
    }

    private HostInfo() {}

    /** This machine's name; "unknown" until a slow lookup answers. */
    public static String hostName() {
        return hostName;
    }

    public static long pid() {
        return PID;
    }

    /** The process id, or -1 where neither Java 9's ProcessHandle nor Linux's /proc tells it. */
    private static long findPid() {
        try {
            Class<?> handle = Class.forName("java.lang.ProcessHandle");
            return (Long)
                    handle.getMethod("pid").invoke(handle.getMethod("current").invoke(null));
        } catch (ReflectiveOperationException | RuntimeException java8) {
            // Not the runtime bean's "pid@host" name: making it looks the host up, which may wait on DNS.
            try {
                return Long.parseLong(new File("/proc/self").getCanonicalFile().getName());
            } catch (IOException | RuntimeException notLinux) {
                return -1;
            }
        }
    }

    private static String findHostNameLocally() {
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String value = System.getenv(variable);
            if (value != null && !value.trim().isEmpty()) {
                return value.trim();
            }
        }
        for (String file : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
            try {
                String value = new String(Files.readAllBytes(Paths.get(file)), StandardCharsets.UTF_8).trim();
                if (!value.isEmpty()) {
                    return value;
                }
            } catch (IOException | RuntimeException notThere) {
                // try the next source
            }
        }
        return null;
    }

    private static void resolveWithInetAddress() {
        try {
            hostName = InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            // keep "unknown"
        }
    }
}
