package io.github.kinlog.common.event;

import java.util.Objects;

/** Where an event was logged. Any part may be null; {@code line} is negative when unknown. */
public final class SourceLocation {
    private final String className;
    private final String methodName;
    private final String fileName;
    private final int line;

    public SourceLocation(String className, String methodName, String fileName, int line) {
        this.className = className;
        this.methodName = methodName;
        this.fileName = fileName;
        this.line = line;
    }

    public String className() {
        return className;
    }

    public String methodName() {
        return methodName;
    }

    public String fileName() {
        return fileName;
    }

    public int line() {
        return line;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SourceLocation)) {
            return false;
        }
        SourceLocation that = (SourceLocation) other;
        return Objects.equals(className, that.className)
                && Objects.equals(methodName, that.methodName)
                && Objects.equals(fileName, that.fileName)
                && line == that.line;
    }

    @Override
    public int hashCode() {
        return Objects.hash(className, methodName, fileName, line);
    }

    @Override
    public String toString() {
        return "SourceLocation[" + "className=" + className + ", methodName=" + methodName + ", fileName=" + fileName
                + ", line=" + line + "]";
    }
}
