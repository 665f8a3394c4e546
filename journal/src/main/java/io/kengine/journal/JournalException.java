package io.kengine.journal;

/**
 * Anything wrong with a journal directory or its contents: missing, wrong version, corrupt,
 * malformed records. The message is one line that names the directory or stream and the reason;
 * Chronicle's own exception, if any, is kept as the cause for debugging but never is the message.
 */
public final class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
