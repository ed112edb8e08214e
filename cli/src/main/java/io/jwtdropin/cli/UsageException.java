package io.jwtdropin.cli;

/** The command line itself is wrong (unknown command or flag, missing value): exit code 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
