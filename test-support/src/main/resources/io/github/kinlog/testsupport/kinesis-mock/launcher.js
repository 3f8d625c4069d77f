// Starts kinesis-mock (argv[2] is its main.js) and exits as soon as the JVM that started it goes away.
// The JVM keeps our stdin open; when it dies, even by SIGKILL, stdin reaches end-of-file, so a killed
// test run never leaves a server holding ports behind.
'use strict';
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
require(process.argv[2]);
