/** Framework-neutral core of Kinlog: event encoding and the Kinesis sender. No logging-framework types here. */
package io.github.kinlog.common;
