package io.github.kinlog.common.event;

/** Where an event was logged. Any part may be null; {@code line} is negative when unknown. */
public record SourceLocation(String className, String methodName, String fileName, int line) {}
