package io.transferas2.model;

/** ENABLED keeps the partner's filename; DISABLED inserts the Message-ID before the extension, AWS `PreserveFilenameType`. */
public enum PreserveFilenameType {
    ENABLED, DISABLED
}
